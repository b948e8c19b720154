/**
 * What the tarball smoke check calls in each public package: names imported from an entry
 * point and one expression (may `await`) that must be true. Every public package needs at
 * least one case; a new package without one fails the check.
 */
export type SmokeCase = {
  entry: string
  imports: string[]
  check: string
  /** Names the check needs from other entry points (e.g. `viem`, `@caldera/devnet`). */
  also?: Record<string, string[]>
}

export const smokeCases: Record<string, SmokeCase[]> = {
  '@caldera/core': [
    {
      entry: '@caldera/core',
      imports: ['parseEra', 'tierPresets', 'parse', 'domainConfigSchema'],
      check:
        "parseEra('1') === 10n ** 18n && tierPresets.financial.minValidators === 300 && parse(domainConfigSchema, { name: 'a', tier: 'light', chainId: 1, profile: tierPresets.light }, 'domain').tier === 'light'",
    },
    {
      entry: '@caldera/core/cli',
      imports: ['formatCommandHelp', 'defineCommand'],
      check:
        "formatCommandHelp(defineCommand({ path: ['x'], summary: 'Does x.', usage: 'caldera x', options: {}, run: async () => 0 })).includes('Usage: caldera x')",
    },
  ],
  '@caldera/contracts': [
    {
      entry: '@caldera/contracts',
      imports: ['eraTokenAbi', 'eraTokenBytecode', 'solcVersion'],
      check:
        "eraTokenAbi.some((item) => item.type === 'function' && item.name === 'mint') && eraTokenBytecode.length > 2_000 && solcVersion.startsWith('0.8.')",
    },
  ],
  '@caldera/devnet': [
    {
      entry: '@caldera/devnet',
      imports: ['startDevnet'],
      check:
        "await (async () => { const devnet = await startDevnet({ chains: [{ name: 'smoke' }] }); const id = await devnet.chains[0]!.publicClient.getChainId(); await devnet.stop(); return id === 31337 })()",
    },
  ],
  '@caldera/risk-domain': [
    {
      entry: '@caldera/risk-domain',
      imports: ['classifyScenario', 'defineDomain'],
      also: { '@caldera/core': ['parseUsd'] },
      check:
        "classifyScenario({ valueAtRiskUsd: parseUsd('20000'), txPerDay: 5_000, typicalTxValueUsd: parseUsd('0.5') }).tier === 'light' && defineDomain({ name: 'games', tier: 'light', chainId: 1 }).profile.minValidators === 50",
    },
  ],
  '@caldera/compliance': [
    {
      entry: '@caldera/compliance',
      imports: ['travelRuleApplies', 'createAmlMonitor'],
      check:
        "travelRuleApplies({ jurisdiction: 'US', usd: 5_000_000_000n }).required === true && typeof createAmlMonitor().ingest === 'function'",
    },
    {
      entry: '@caldera/compliance/cli',
      imports: ['amlScanCommand'],
      check: "amlScanCommand.path.join(' ') === 'aml scan'",
    },
  ],
  '@caldera/deploy-lite': [
    {
      entry: '@caldera/deploy-lite',
      imports: ['encodeBatch', 'decodeBatch'],
      check:
        "decodeBatch({ batch: encodeBatch({ transactions: ['0x02aa', '0x02bb'], codec: 'brotli' }) }).transactions.join() === '0x02aa,0x02bb'",
    },
  ],
  '@caldera/circuit-breaker': [
    {
      entry: '@caldera/circuit-breaker',
      imports: ['createCircuitBreaker', 'resolvePolicy'],
      check:
        "(() => { const breaker = createCircuitBreaker({ policy: resolvePolicy({ domains: { games: 'light' } }) }); breaker.observe({ domain: 'games', from: '0xa11ce', usd: 1_500_000_000_000n, timestamp: 2e9 }); return breaker.breaker('games').state === 'open' })()",
    },
    {
      entry: '@caldera/circuit-breaker/cli',
      imports: ['breakerReplayCommand'],
      check: "breakerReplayCommand.path.join(' ') === 'breaker replay'",
    },
  ],
  '@caldera/sandbox': [
    {
      entry: '@caldera/sandbox',
      imports: ['createRandom', 'scenarioNames'],
      check: "createRandom(7).next() === createRandom(7).next() && scenarioNames.includes('isolation-drill')",
    },
  ],
  '@caldera/zk': [
    {
      entry: '@caldera/zk',
      imports: ['sha256Hex', 'loadArtifact'],
      check:
        "(await sha256Hex(new TextEncoder().encode('abc'))) === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' && (await loadArtifact({ artifact: 'abc.txt', source: new TextEncoder().encode('abc'), sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' })).length === 3",
    },
  ],
  '@caldera/privacy-zk': [
    {
      // Proving from the installed tarball: the circuit artifacts ship inside the package.
      entry: '@caldera/privacy-zk',
      imports: [
        'defineRecordSchema',
        'generateKeyPair',
        'sealRecord',
        'NotarizationTree',
        'proveDisclosure',
        'verifyDisclosure',
        'terminateProver',
      ],
      check:
        "await (async () => { const schema = defineRecordSchema({ name: 'shipment', fields: { peak: { type: 'decimal', decimals: 2 } } }); const owner = generateKeyPair(); const { record } = sealRecord({ schema, values: { peak: '7.4' }, recipients: [owner.publicKey] }); const tree = new NotarizationTree(); const index = tree.insert(record.commitment); const disclosure = await proveDisclosure({ record, field: 'peak', range: { min: '2', max: '8' }, merkleProof: tree.proof(index), scope: 1 }); const checked = await verifyDisclosure({ ...disclosure, expected: { roots: [tree.root] } }); await terminateProver(); return checked.root === tree.root })()",
    },
  ],
  '@caldera/sdk': [
    {
      entry: '@caldera/sdk',
      imports: ['createCaldera', 'version'],
      also: { viem: ['createPublicClient', 'http'] },
      check:
        "typeof version === 'string' && createCaldera({ domains: [{ name: 'games', tier: 'light', publicClient: createPublicClient({ transport: http('http://127.0.0.1:9') }) }] }).domain('games').tier === 'light'",
    },
    {
      entry: '@caldera/sdk/cli',
      imports: ['commands', 'runCli'],
      check:
        "commands.length > 0 && (await runCli(commands, ['--help'], { stdout: () => {}, stderr: () => {}, cwd: '.' })) === 0",
    },
  ],
}
