/**
 * What the bad-input campaign needs to know about the public surface beyond what it reads at
 * run time: the few function exports that take no input (with the reason), parameter kinds the
 * names do not tell, functions too heavy for strange-but-maybe-valid inputs, and failures that
 * are known and owned by someone else (each with its reason).
 */
import type { ParamKind } from './corpus.js'

/** Function exports that are not input-taking boundaries. A new function must be driven or listed here. */
export const notDriven: Record<string, string> = {
  '@caldera/core/cli#processIO': 'takes no input; binds this process’s stdout/stderr/cwd',
  '@caldera/core/cli#defineCommand': 'identity helper over code (a command definition), not data',
  '@caldera/core#formatZodError':
    'formats a ZodError built by parse; its input is a library object, not user data',
  '@caldera/risk-domain/node#packageArtifactsDir':
    'takes no input; returns a folder of the installed package',
  '@caldera/compliance#createAuditLog': 'takes no input; returns an empty log',
  '@caldera/compliance#ofacEthList': 'takes no input; returns the bundled list',
  '@caldera/zk#terminateProver': 'takes no input; stops snarkjs worker threads',
  '@caldera/zk/node#devPtauPath': 'takes no input; returns a path inside the package',
  '@caldera/zk/node#zkPackageDir': 'takes no input; returns the package folder',
  '@caldera/privacy-zk#generateKeyPair': 'takes no input; returns fresh random keys',
  '@caldera/privacy-zk#randomSalt': 'takes no input; returns a random field element',
  '@caldera/privacy-zk#terminateProver': 'takes no input; stops snarkjs worker threads',
}

/** Parameter names that hold an options object unless a function is listed in {@link paramKinds}. */
export const objectParamNames = new Set([
  'options',
  'parameters',
  'params',
  'config',
  'descriptor',
  'input',
  'p',
  'profile',
  'policy',
  'plan',
  'report',
  'dataset',
  'payload',
  'component',
  'prices',
  'log',
  'command',
  'specInput',
  'io',
  'money',
  'price',
  'list',
])

/** Kinds of positional parameters, where the name does not tell (keyed by function id). */
export const paramKinds: Record<string, ParamKind[]> = {
  '@caldera/core#compareProofSystems': ['string', 'string'],
  '@caldera/core#compareTiers': ['tier', 'tier'],
  '@caldera/core#weakerTier': ['tier', 'tier'],
  '@caldera/core#describeValue': ['any'],
  '@caldera/core#domainIdOf': ['string'],
  '@caldera/core#formatEra': ['bigint'],
  '@caldera/core#formatUsd': ['bigint'],
  '@caldera/core#formatPath': ['array'],
  '@caldera/core#parseEra': ['decimal'],
  '@caldera/core#parseUsd': ['decimal'],
  '@caldera/core#tierFromCode': ['number'],
  '@caldera/core#tierToCode': ['tier'],
  '@caldera/core#minTotalStake': ['object'],
  '@caldera/core#toUsd': ['object', 'object'],
  '@caldera/core/cli#captureIO': ['object'],
  '@caldera/core/cli#formatCommandHelp': ['object'],
  '@caldera/core/cli#runCommand': ['object', 'array', 'object'],
  '@caldera/devnet#anvilAccounts': ['number'],
  '@caldera/devnet#resolveAnvilBinary': ['string'],
  '@caldera/risk-domain#fromOnchainProfile': ['object'],
  '@caldera/circuit-breaker#devValidators': ['string', 'number'],
  '@caldera/circuit-breaker#laneLimitUsd': ['object', 'string', 'string'],
  '@caldera/circuit-breaker#stakeUsd': ['object', 'bigint'],
  '@caldera/circuit-breaker#tierOfDomain': ['object', 'string'],
  '@caldera/circuit-breaker#usdToTokens': ['bigint', 'object'],
  '@caldera/circuit-breaker#verifyTransitionLog': ['array'],
  '@caldera/circuit-breaker#valueInUsd': ['bigint', 'object'],
  '@caldera/compliance#canonicalJson': ['any'],
  '@caldera/compliance#createRandom': ['any'], // a number or a string seed
  '@caldera/core#createRandom': ['any'], // a number or a string seed
  '@caldera/compliance#formatIsoAmount': ['bigint', 'number'],
  '@caldera/compliance#htlcHashlock': ['hex'],
  '@caldera/compliance#isValidLei': ['any'],
  '@caldera/compliance#listedIn': ['object', 'number'],
  '@caldera/compliance#parseSanctionsFile': ['string'],
  '@caldera/compliance#sanctionsVersionId': ['string'],
  '@caldera/compliance#toAmlSimCsv': ['object'],
  '@caldera/compliance#validateIvms101Payload': ['any'],
  '@caldera/zk#decodeWitness': ['bytes'],
  '@caldera/zk#encodeWitness': ['array'],
  '@caldera/zk#parseR1cs': ['bytes'],
  '@caldera/zk#sha256Hex': ['bytes'],
  '@caldera/zk/node#readCircuitsConfig': ['string', 'object'],
  '@caldera/zk/node#sha256File': ['string'],
  '@caldera/zk/node#verifierContractName': ['string'],
  '@caldera/privacy-zk#cloneCreationCode': ['address'],
  '@caldera/privacy-zk#decodeFieldValue': ['object', 'string', 'bigint'],
  '@caldera/privacy-zk#encodeFieldValue': ['object', 'string', 'any'],
  '@caldera/privacy-zk#getField': ['object', 'string'],
  '@caldera/privacy-zk#getPublicKey': ['hex'],
  '@caldera/privacy-zk#unpackStatement': ['bigint'],
  '@caldera/deploy-lite#componentKeyOf': ['string'],
  '@caldera/deploy-lite#eip1167InitCode': ['address'],
  '@caldera/deploy-lite#eip1167RuntimeCode': ['address'],
  '@caldera/deploy-lite#runtimeInstallerCode': ['hex'],
  '@caldera/sandbox#createRandom': ['any'], // a number or a string seed
  '@caldera/sandbox#defaultStages': ['string', 'number'],
  '@caldera/sandbox#formatProgress': ['object'],
  '@caldera/sandbox#percentiles': ['array'],
  '@caldera/sandbox#planSendTimes': ['array'],
  '@caldera/sandbox#stagesDuration': ['array'],
  '@caldera/sandbox#runScenario': ['object', 'object'],
  '@caldera/sdk/cli#runCli': ['array', 'array', 'object'],
}

/**
 * Functions that start processes, chains, proofs or long loads when an input is valid: they get
 * only the surely-bad values (a strange value they accept would start real work).
 */
export const heavy = new Set([
  '@caldera/devnet#startDevnet',
  '@caldera/devnet#devnetGlobalSetup',
  '@caldera/sandbox#runScenario',
  '@caldera/sandbox#runIsolationDrill',
  '@caldera/sandbox#startSystem',
  '@caldera/sandbox#deploySystem',
  '@caldera/sandbox#generateLoad',
  '@caldera/sandbox#setupLoad',
  '@caldera/sandbox#submitTransactions',
  '@caldera/sandbox#trackBlocks',
  '@caldera/zk/node#buildCircuits',
  '@caldera/zk/node#compileCircuit',
  '@caldera/zk/node#compileCircuitSymbols',
  '@caldera/compliance#generateAmlData',
  '@caldera/circuit-breaker#generateBenignTraffic',
  '@caldera/circuit-breaker#deployChannelNetwork',
  '@caldera/circuit-breaker#createCircuitBreaker',
  '@caldera/deploy-lite#generateErc20Batch',
  '@caldera/sdk#createCaldera',
  '@caldera/sdk/cli#runCli',
  '@caldera/risk-domain/node#readBatchCircuitArtifacts',
])

/**
 * Known unclean refusals in code that is being changed by its owner right now; each is reported
 * but does not fail the campaign. Keyed by function id (or `cli:<command path>`), with the reason.
 */
const listed = (ids: string[], reason: string) => Object.fromEntries(ids.map((id) => [id, reason]))
/** Code that its owners are changing right now (files this campaign must not edit); the lead fixes these. */
const beingChanged: string[] = []

export const expectedFailures: Record<string, string> = {
  ...listed(beingChanged, 'in code its owner is changing now: reported to the lead'),
}

/** Values tried on every string option of a command that is not heavy (a run that exits 0 is fine). */
export const strangeOptionValues = [
  '',
  'NaN',
  '-1',
  '1e999',
  '0xzz',
  '__proto__',
  'toString',
  'x'.repeat(100_000),
  '\u0000\u001b[31m',
  '\ud800',
]

/** What the command driver needs to know about each command (keyed by its path, e.g. `aml scan`). */
export type CommandConfig = {
  /** Options every case gets (valid, so the hostile part is the only fault). */
  base?: (context: { dir: string; rpcUrl: string }) => string[]
  /** Options that name an input file: each gets every hostile file. */
  fileOptions?: string[]
  /** The option that names the output (file or folder), checked for partial writes. */
  outOption?: string
  /** Indexes of positionals that are outputs (given a fresh path, checked for partial writes). */
  outputPositionals?: number[]
  /** Values that are surely wrong for an option. */
  badValues?: Record<string, string[]>
  /** Runs real chains or long loads when accepted: only surely-bad values. */
  heavy?: boolean
}

const badNumbers = ['NaN', '-1', '1e999', 'abc', '', 'Infinity']
const badAddresses = ['0xzz', '0x1234', `0x${'g'.repeat(40)}`, '']

export const commandConfig: Record<string, CommandConfig> = {
  'sandbox run': {
    heavy: true,
    outOption: 'out',
    badValues: {
      scenario: ['', 'nope', '__proto__', 'toString', 'FINANCIAL'],
      duration: [...badNumbers, '0', '99999999'],
      seed: [...badNumbers, '1.5'],
      rpc: ['no-equals-sign', '=http://127.0.0.1:1', 'financial=not a url', 'nope=http://127.0.0.1:1'],
    },
  },
  deploy: {
    base: ({ rpcUrl }) => ['--tier=light', `--rpc=${rpcUrl}`, '--dry-run'],
    fileOptions: ['config'],
    badValues: {
      tier: ['platinum', '', 'toString', '__proto__'],
      rpc: ['not a url', 'ftp://127.0.0.1', ''],
      name: ['UPPER', '__proto__', 'x'.repeat(100), ''],
      mode: ['heavy', '', 'toString'],
      token: badAddresses,
      'era-token': badAddresses,
      admin: badAddresses,
      from: badAddresses,
      'gas-price': badNumbers,
      'eth-usd': badNumbers,
    },
    heavy: true,
  },
  'aml scan': { fileOptions: ['config'], outOption: 'out' },
  'breaker replay': { fileOptions: ['policy'] },
  'zk contribute': { outputPositionals: [1] },
  'zk verify': {},
  'devnet up': {
    heavy: true,
    base: () => ['--exit-after=0'],
    badValues: {
      chains: ['', ',', 'a b', '__proto__', 'x'.repeat(1000), 'dup,dup'],
      'block-time': [...badNumbers, '0'],
      'exit-after': ['NaN', '-1', 'abc'],
    },
  },
  'domain classify': {},
  'domain define': {
    base: () => ['--name=payments', '--tier=light', '--chain-id=31337'],
    fileOptions: ['overrides'],
    badValues: {
      name: ['UPPER', '__proto__', 'x'.repeat(100), ''],
      tier: ['platinum', '', 'toString', '__proto__'],
      'chain-id': badNumbers,
    },
  },
}
