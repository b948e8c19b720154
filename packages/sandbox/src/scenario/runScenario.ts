import { mkdtempSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, type Tier } from '@caldera/core'
import { type Devnet, type DevnetChain, startDevnet } from '@caldera/devnet'
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { ScenarioError } from '../errors/sandbox.js'
import { nowMs, sleep } from '../load/clock.js'
import { defaultStages, type GeneratedLoad, generateLoad, type LoadSpec } from '../load/generateLoad.js'
import { presignTransactions, type SignedTx } from '../load/presign.js'
import type { LoadProfileName, LoadTargets } from '../load/profiles.js'
import { setupLoad } from '../load/setupLoad.js'
import { stagesDuration } from '../load/stages.js'
import { type SubmitResult, submitTransactions } from '../load/submit.js'
import { type BlockTracker, trackBlocks } from '../metrics/blockTracker.js'
import { loadMetrics } from '../metrics/loadMetrics.js'
import type { FaultRecord, ScenarioReport } from '../report/types.js'
import { writeReport } from '../report/writeReport.js'
import { rpcBatch, rpcCall } from '../rpc/jsonRpc.js'
import { crossDomainIntents } from '../system/crossDomainLoad.js'
import { deploySystem, type SystemDomain } from '../system/deploySystem.js'
import { type RunningSystem, type SystemMetrics, startSystem } from '../system/runSystem.js'
import { injectChainFault } from './faults.js'
import { tripLatencyMs, unaffectedThroughputRatio } from './isolationMetrics.js'
import { evaluateSlos } from './slos.js'
import { type ScenarioSpec, type ScenarioSpecInput, scenarioSpecSchema } from './spec.js'

/** Progress of a run, for live output. */
export type ScenarioProgress =
  | { phase: 'setup' | 'signing' | 'drain' | 'report'; message: string }
  | { phase: 'load'; t: number; domains: { name: string; sent: number; included: number }[] }
  | { phase: 'fault'; message: string }

export type RunScenarioOptions = {
  /** Called with progress (phases, a line a second during the load, faults). */
  onProgress?: (progress: ScenarioProgress) => void
}

/** The result of {@link runScenario}: the report, and where it was written when `out` was given. */
export type RunScenarioReturnType = { report: ScenarioReport; paths?: { json: string; html: string } }

/** A domain while the run is going on. */
type LiveDomain = {
  name: string
  tier: Tier
  rpcUrl: string
  chainId: number
  devnet?: DevnetChain
  wsUrl?: string
  publicClient: PublicClient<Transport, Chain>
  walletClient: WalletClient<Transport, Chain, Account>
  load: LoadSpec
  generated?: GeneratedLoad
  txs: SignedTx[]
  targets?: LoadTargets
  tracker?: BlockTracker
  submit?: SubmitResult
  sent: number
  /** Sender of each transaction, by hash (for the AML monitor). */
  senders: Map<string, string>
}

const ANVIL_FIRST_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

function loadOf(domain: ScenarioSpec['domains'][number], durationS: number): LoadSpec {
  if (domain.load) {
    // Cut stages at the scenario's duration.
    const stages = []
    let left = durationS
    for (const stage of domain.load.stages) {
      if (left <= 0) break
      stages.push({ ...stage, seconds: Math.min(stage.seconds, left) })
      left -= stage.seconds
    }
    return { ...domain.load, stages }
  }
  const profile: LoadProfileName = domain.tier
  return { mix: [{ profile, weight: 1 }], stages: defaultStages(profile, durationS) }
}

async function connect(
  domain: ScenarioSpec['domains'][number],
): Promise<Omit<LiveDomain, 'load' | 'txs' | 'sent' | 'senders'>> {
  const url = domain.rpcUrl!
  const chainId = Number(await rpcCall<string>({ url, method: 'eth_chainId', params: [] }))
  const chain = defineChain({
    id: chainId,
    name: domain.name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [url] } },
  })
  const transport = http(url, { retryCount: 0 })
  return {
    name: domain.name,
    tier: domain.tier,
    rpcUrl: url,
    chainId,
    publicClient: createPublicClient({ chain, transport, pollingInterval: 50 }),
    walletClient: createWalletClient({
      account: privateKeyToAccount((domain.privateKey as Hex | undefined) ?? ANVIL_FIRST_KEY),
      chain,
      transport,
    }),
  }
}

/**
 * Runs a scenario end to end: starts a local chain per domain with the devnet (or connects to
 * the RPC URLs given), prepares each domain's load, pre-signs it, sends it on its stages'
 * schedule as batched JSON-RPC, follows every block, injects the faults on time, and returns
 * (and, with `out`, writes) the report with its SLO verdicts. Every chain it started is stopped.
 *
 * @example
 * import { runScenario, scenarioPreset } from '@caldera/sandbox'
 * const { report, paths } = await runScenario({ ...scenarioPreset({ name: 'light', durationS: 10 }), out: 'report' })
 * console.log(report.passed, paths?.html)
 */
export async function runScenario(
  specInput: ScenarioSpecInput,
  options: RunScenarioOptions = {},
): Promise<RunScenarioReturnType> {
  const spec = parse(scenarioSpecSchema, specInput, 'scenario spec')
  const progress = options.onProgress ?? (() => {})
  const started = new Date()
  for (const fault of spec.faults) {
    const domain = 'domain' in fault ? spec.domains.find((d) => d.name === fault.domain) : undefined
    if (fault.kind === 'rpc-outage' && domain?.rpcUrl !== undefined)
      throw new ScenarioError(`The rpc-outage fault needs a chain the sandbox started.`, {
        details: `Domain "${domain.name}" runs on ${domain.rpcUrl}, which the sandbox cannot suspend.`,
        hint: 'Drop the fault for this domain, or let the devnet start its chain (omit `rpcUrl`).',
      })
  }
  const local = spec.domains.filter((d) => d.rpcUrl === undefined)
  progress({ phase: 'setup', message: `Starting ${local.length} local chain(s)…` })
  let devnet: Devnet | undefined
  try {
    if (local.length > 0) {
      devnet = await startDevnet({
        chains: local.map((d) => ({
          name: d.name,
          blockTime: d.blockTime,
          // Bounded blocks stay quick to build under a backlog, so a breaker's isolation (higher
          // tip) lands in the next block; 240M gas per second of block time is ample headroom.
          gasLimit: BigInt(Math.round(Math.max(60e6, 240e6 * d.blockTime))),
          accounts: 4,
          balance: 1_000_000,
        })),
      })
    }
    const domains: LiveDomain[] = await Promise.all(
      spec.domains.map(async (d) => {
        const load = loadOf(d, spec.durationS)
        if (d.rpcUrl !== undefined)
          return { ...(await connect(d)), load, txs: [], sent: 0, senders: new Map() }
        const chain = devnet!.chain(d.name)
        return {
          name: d.name,
          tier: d.tier,
          rpcUrl: chain.rpcUrl,
          chainId: chain.chainId,
          devnet: chain,
          wsUrl: chain.wsUrl,
          publicClient: chain.publicClient,
          walletClient: chain.walletClient,
          load,
          txs: [],
          sent: 0,
          senders: new Map(),
        }
      }),
    )

    progress({ phase: 'setup', message: 'Deploying load contracts and funding load accounts…' })
    await Promise.all(
      domains.map(async (d) => {
        const placeholder = {
          token: d.walletClient.account.address,
          workload: d.walletClient.account.address,
        }
        const probe = generateLoad({ seed: spec.seed, label: d.name, spec: d.load, targets: placeholder })
        d.targets = await setupLoad({
          walletClient: d.walletClient,
          publicClient: d.publicClient,
          gasAccounts: probe.accounts.map((a) => a.address),
          dollarAccounts: (probe.accountsByProfile.financial ?? []).map((a) => a.address),
        })
        d.generated = generateLoad({ seed: spec.seed, label: d.name, spec: d.load, targets: d.targets })
      }),
    )

    // The load is signed while the system deploys (the deployment mostly waits for blocks).
    const signing = (async () => {
      for (const d of domains) {
        const count = d.generated!.intents.length
        progress({ phase: 'signing', message: `${d.name}: pre-signing ${count} transactions…` })
        d.txs = await presignTransactions({
          chainId: d.chainId,
          intents: d.generated!.intents,
          accounts: d.generated!.accounts,
          maxFeePerGas: 200_000_000_000n,
          maxPriorityFeePerGas: 1_000_000n,
        })
      }
    })()
    const useSystem = spec.system.enabled && domains.length >= 2
    let systemDomains: SystemDomain[] = []
    if (useSystem) {
      progress({
        phase: 'setup',
        message: 'Deploying the domains (deploy-lite), validators (risk-domain) and channels…',
      })
      systemDomains = await deploySystem({
        seed: spec.seed,
        domains: domains.map((d) => ({
          name: d.name,
          tier: d.tier,
          chainId: d.chainId,
          rpcUrl: d.rpcUrl,
          ...(d.wsUrl !== undefined && { wsUrl: d.wsUrl }),
          adminWallet: d.walletClient,
          publicClient: d.publicClient,
          workload: d.targets!.workload,
        })),
        onStep: (message) => progress({ phase: 'setup', message }),
      }).catch(async (error) => {
        await signing.catch(() => {})
        throw error
      })
    }
    await signing

    for (const d of domains) {
      const self = systemDomains.find((x) => x.name === d.name)
      if (self && spec.system.crossDomainPerS > 0) {
        const cross = await presignTransactions({
          chainId: d.chainId,
          intents: crossDomainIntents({
            seed: spec.seed,
            domain: self,
            peers: systemDomains.filter((x) => x !== self),
            perSecond: spec.system.crossDomainPerS,
            seconds: stagesDuration(d.load.stages as never),
          }),
          accounts: self.settlers,
          nonces: self.settlers.map(() => 1),
          maxFeePerGas: 200_000_000_000n,
          maxPriorityFeePerGas: 1_000_000n,
        })
        d.txs = [...d.txs, ...cross].sort((a, b) => a.at - b.at)
        for (const tx of cross) d.senders.set(tx.hash, self.settlers[tx.intent.sender]!.address)
      }
      d.txs.forEach((tx) => {
        if (!d.senders.has(tx.hash)) d.senders.set(tx.hash, d.generated!.accounts[tx.intent.sender]!.address)
      })
    }

    let system: RunningSystem | undefined
    for (const d of domains) {
      const byHash = new Map(d.txs.filter((tx) => tx.intent.usd > 0n).map((tx) => [tx.hash as string, tx]))
      d.tracker = trackBlocks({
        rpcUrl: d.rpcUrl,
        intervalMs: 100,
        onBlock: (block) => {
          if (!system) return
          for (const h of block.txHashes) {
            const tx = byHash.get(h)
            if (!tx) continue
            system.aml.ingest({
              id: h,
              from: `${d.name}:${d.senders.get(h)}`,
              to: `${tx.intent.kind === 'crossDomain' ? '*' : d.name}:${tx.intent.counterparty}`,
              usd: tx.intent.usd,
              timestamp: block.timestamp,
            })
          }
        },
      })
    }
    await Promise.all(domains.map((d) => d.tracker!.waitForBlock(0, 5_000)))
    let runStart = nowMs() + 200
    if (useSystem) {
      progress({ phase: 'setup', message: 'Starting the relayer, the breaker watcher and the AML monitor…' })
      system = await startSystem({
        domains: systemDomains,
        queueDir: mkdtempSync(join(tmpdir(), 'caldera-sandbox-relayer-')),
        runStart: () => runStart,
      })
      runStart = nowMs() + 200
    }
    const loadSeconds = Math.max(...domains.map((d) => stagesDuration(d.load.stages as never)))
    progress({ phase: 'setup', message: `Running the load for ${loadSeconds.toFixed(0)} s…` })

    const faults: FaultRecord[] = []
    const faultRuns = spec.faults.map(async (fault) => {
      await sleep(Math.max(0, runStart + fault.atS * 1000 - nowMs()))
      if (fault.kind === 'rpc-outage' || fault.kind === 'reorg' || fault.kind === 'base-fee-spike') {
        const target = domains.find((d) => d.name === fault.domain)!
        progress({ phase: 'fault', message: `${fault.kind} on ${fault.domain}` })
        faults.push(await injectChainFault({ fault, target, runStart }))
        return
      }
      if (!system) {
        faults.push({
          t: (nowMs() - runStart) / 1000,
          kind: fault.kind,
          domain: 'domain' in fault ? fault.domain : '*',
          detail: 'not injected: needs the cross-domain system (two or more domains, system enabled)',
        })
        return
      }
      progress({ phase: 'fault', message: `${fault.kind}${'domain' in fault ? ` on ${fault.domain}` : ''}` })
      if (fault.kind === 'exploit') faults.push(await system.exploit(fault))
      else if (fault.kind === 'split-attack') faults.push(await system.splitAttack(fault))
      else if (fault.kind === 'validator-drop') faults.push(await system.validatorDrop(fault))
      else faults.push(await system.restartRelayer(fault))
    })

    let ticking = true
    const ticker = (async () => {
      while (ticking) {
        await sleep(1_000)
        if (!ticking) break
        progress({
          phase: 'load',
          t: Math.round((nowMs() - runStart) / 100) / 10,
          domains: domains.map((d) => ({
            name: d.name,
            sent: d.sent,
            included: [...d.tracker!.blocks.values()].reduce(
              (s, b) => s + (b.observedAt >= runStart ? b.txHashes.length : 0),
              0,
            ),
          })),
        })
      }
    })()

    await Promise.all(
      domains.map(async (d) => {
        d.submit = await submitTransactions({
          rpcUrl: d.rpcUrl,
          txs: d.txs,
          startAt: runStart,
          onBatch: ({ sent }) => {
            d.sent = sent
          },
        })
      }),
    )
    await Promise.all(faultRuns)

    progress({ phase: 'drain', message: 'Waiting for the last transactions to be included…' })
    await drain(domains)
    let systemMetrics: SystemMetrics | undefined
    if (system) {
      progress({ phase: 'drain', message: 'Waiting for the relayer to deliver what open lanes carry…' })
      await system.settle(15_000)
      systemMetrics = await system.finish()
    }
    ticking = false
    await ticker
    for (const d of domains) await d.tracker!.stop()

    progress({ phase: 'report', message: 'Reading receipts and writing the report…' })
    const receipts = new Map<string, Map<string, { gasUsed: bigint; success: boolean }>>()
    for (const d of domains)
      receipts.set(d.name, await sampleReceipts({ rpcUrl: d.rpcUrl, txs: d.txs, blocks: d.tracker!.blocks }))
    const durationS = (nowMs() - runStart) / 1000
    const domainReports = domains.map((d) => ({
      name: d.name,
      tier: d.tier,
      chainId: d.chainId,
      rpcUrl: d.rpcUrl,
      load: loadMetrics({
        domain: d.name,
        tier: d.tier,
        txs: d.txs,
        submit: d.submit!,
        blocks: d.tracker!.blocks,
        runStart,
        reorgs: d.tracker!.reorgs.length,
        receipts: receipts.get(d.name)!,
      }),
      system: systemMetrics
        ? {
            ...(systemMetrics.verificationGasPerMessage[d.tier] !== undefined && {
              verificationGasPerMessage: systemMetrics.verificationGasPerMessage[d.tier],
            }),
            valueHeldUsd: String(systemMetrics.heldByDomain[d.name] ?? 0n),
            validators: systemDomains.find((x) => x.name === d.name)?.validators.length ?? 0,
            status: systemMetrics.domainStatus[d.name] ?? '',
          }
        : {},
    }))
    // The trip the exploit caused: the first isolation of its domain after it was sent.
    const trip = system?.trip
    const exploit = trip?.exploit
    const isolation =
      exploit && trip.isolations.find((i) => i.domain === exploit.domain && i.at >= exploit.sentAt)
    const tripped = exploit && trip.trips.find((x) => x.domain === exploit.domain && x.at >= exploit.sentAt)
    const exploited = domains.find((d) => d.name === exploit?.domain)
    const tripLatency =
      isolation && tripped
        ? tripLatencyMs({
            exploitHash: exploit.hash,
            trippedAt: tripped.at,
            isolatedAt: isolation.at,
            ...(exploited?.tracker && { blocks: exploited.tracker.blocks }),
          })
        : undefined
    const unaffected =
      tripped === undefined
        ? undefined
        : unaffectedThroughputRatio({
            trippedAt: tripped.at,
            loadStart: runStart,
            loadEnd: Math.max(...domains.map((d) => d.submit!.lastSentAt)),
            domains: domains
              .filter((d) => d.name !== tripped.domain)
              .map((d) => ({ blocks: d.tracker!.blocks, ours: new Set<string>(d.txs.map((tx) => tx.hash)) })),
          })
    const sum = (f: (x: (typeof domainReports)[number]) => number) =>
      domainReports.reduce((s, x) => s + f(x), 0)
    const report: ScenarioReport = {
      scenario: spec.name,
      seed: spec.seed,
      startedAt: started.toISOString(),
      durationS: Math.round(durationS * 10) / 10,
      machine: `${cpus().length} cores, Node ${process.version}`,
      domains: domainReports,
      breaker: {
        timeline: [...(system?.timeline ?? [])].sort((a, b) => a.t - b.t),
        ...(tripLatency !== undefined && { tripLatencyMs: tripLatency }),
      },
      faults: faults.sort((a, b) => a.t - b.t),
      totals: {
        submitTxPerS: Math.round(sum((x) => x.load.submitTxPerS)),
        includedTxPerS: Math.round(sum((x) => x.load.includedTxPerS)),
        valueLostUsd: String(systemMetrics?.valueLost ?? 0n),
        valueHeldUsd: String(systemMetrics?.valueHeld ?? 0n),
        messagesSent: systemMetrics?.messagesSent ?? 0,
        messagesDelivered: systemMetrics?.messagesDelivered ?? 0,
        messagesLost: systemMetrics?.messagesLost ?? 0,
        messagesDuplicated: systemMetrics?.messagesDuplicated ?? 0,
        amlAlerts: systemMetrics?.amlAlerts ?? 0,
        ...(unaffected !== undefined && { unaffectedThroughputRatio: unaffected }),
      },
      slos: [],
      passed: false,
      components: [
        { name: 'load generator', status: 'ran', detail: 'pre-signed, batched eth_sendRawTransaction' },
        ...(systemMetrics ? systemComponents(systemDomains, systemMetrics) : []),
      ],
    }
    report.slos = evaluateSlos({ spec, report })
    report.passed = report.slos.every((s) => s.pass)
    const paths = spec.out === undefined ? undefined : await writeReport({ report, dir: spec.out })
    return paths ? { report, paths } : { report }
  } catch (error) {
    if (error instanceof ScenarioError) throw error
    throw new ScenarioError(`Scenario "${spec.name}" failed.`, { cause: error })
  } finally {
    await devnet?.stop()
  }
}

/** Receipts of up to 200 included transactions of each kind (gas per transaction by kind). */
async function sampleReceipts({
  rpcUrl,
  txs,
  blocks,
}: {
  rpcUrl: string
  txs: readonly SignedTx[]
  blocks: ReadonlyMap<number, { txHashes: string[] }>
}): Promise<Map<string, { gasUsed: bigint; success: boolean }>> {
  const included = new Set<string>()
  for (const b of blocks.values()) for (const h of b.txHashes) included.add(h)
  const perKind = new Map<string, number>()
  const picked: string[] = []
  for (const tx of txs) {
    if (!included.has(tx.hash)) continue
    const n = perKind.get(tx.intent.kind) ?? 0
    if (n >= 200) continue
    perKind.set(tx.intent.kind, n + 1)
    picked.push(tx.hash)
  }
  const out = new Map<string, { gasUsed: bigint; success: boolean }>()
  for (let i = 0; i < picked.length; i += 200) {
    const chunk = picked.slice(i, i + 200)
    const outcomes = await rpcBatch({
      url: rpcUrl,
      calls: chunk.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })),
    })
    outcomes.forEach((o, k) => {
      const r = o.result as { gasUsed: string; status: string } | null | undefined
      if (r) out.set(chunk[k]!, { gasUsed: BigInt(r.gasUsed), success: r.status === '0x1' })
    })
  }
  return out
}

function systemComponents(domains: readonly SystemDomain[], m: SystemMetrics): ScenarioReport['components'] {
  return [
    {
      name: 'deploy-lite',
      status: 'ran',
      detail: domains
        .map((d) => `${d.name}: ${Object.keys(d.contracts).length} contracts, ${d.deployGas} gas`)
        .join('; '),
    },
    {
      name: 'risk-domain',
      status: 'ran',
      detail: domains.map((d) => `${d.name}: ${d.validators.length} validators bonded, activated`).join('; '),
    },
    {
      name: 'relayer',
      status: 'ran',
      detail: `${m.messagesDelivered}/${m.messagesSent} messages delivered, ${m.messagesPending} queued`,
    },
    { name: 'breaker watcher', status: 'ran', detail: 'WebSocket subscriptions on every channel' },
    {
      name: 'AML monitor',
      status: 'ran',
      detail: `${m.amlAlerts} alert(s): ${Object.entries(m.amlByRule)
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ')}`,
    },
  ]
}

/**
 * Waits (up to 15 s) until every accepted transaction is in a canonical block; a transaction a
 * reorg dropped is sent again once, as a wallet would.
 */
async function drain(domains: LiveDomain[]): Promise<void> {
  const deadline = nowMs() + 15_000
  const resent = new Set<string>()
  for (;;) {
    let missing = 0
    for (const d of domains) {
      const included = new Set<string>()
      for (const b of d.tracker!.blocks.values()) for (const h of b.txHashes) included.add(h)
      const lost: SignedTx[] = []
      d.txs.forEach((tx, i) => {
        if (!d.submit!.records[i]!.accepted || included.has(tx.hash)) return
        missing++
        if (d.tracker!.reorgs.length > 0 && !resent.has(tx.hash)) lost.push(tx)
      })
      if (lost.length > 0 && nowMs() > deadline - 10_000) {
        for (const tx of lost) resent.add(tx.hash)
        await submitTransactions({ rpcUrl: d.rpcUrl, txs: lost.map((tx) => ({ ...tx, at: 0 })) }).catch(
          () => {},
        )
      }
    }
    if (missing === 0 || nowMs() > deadline) return
    await sleep(200)
  }
}
