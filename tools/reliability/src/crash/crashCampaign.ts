import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sendTransfer, setLanePaused } from '@caldera/circuit-breaker'
import { channelAbi } from '@caldera/contracts'
import { createRandom, domainIdOf, type Random } from '@caldera/core'
import { ANVIL_MNEMONIC } from '@caldera/devnet'
import { readContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import type { Campaign } from '../campaigns.js'
import {
  checkConservation,
  keyOf,
  type Ledger,
  readLedger,
  readLedgerPatiently,
} from '../conservation/ledger.js'
import { ACCOUNTS, type CampaignNetwork, DOMAINS, startCampaignNetwork } from '../conservation/network.js'
import { type CampaignOptions, type CampaignReport, emptyReport } from '../types.js'
import type { WorkerConfig } from './worker.js'
import { startWorker, until, type WorkerProcess } from './workerProcess.js'

type Role = 'relayer' | 'watcher'
/** Where a planned SIGKILL lands: right after a worker event, or a while after the process started. */
type Kill = { role: Role; at: { event: string; occurrence: number } | { afterMs: number } }

const SIZES = {
  test: { runs: 3, sends: 8 },
  soak: { runs: 100, sends: 10 },
} as const

/** The watcher's policy in the crash runs: a single transfer above 900 USD trips its detector (the lane guard holds above 1,000). */
const WATCHER_POLICY = {
  tiers: Object.fromEntries(DOMAINS.map((t) => [t, { singleTransferUsd: 900 }])),
}

const KILL_POINTS: readonly ((r: Random) => Kill)[] = [
  // Between the journal write (batch nonce reserved) and the delivery transaction.
  (r) => ({ role: 'relayer', at: { event: 'prove', occurrence: r.int(1, 3) } }),
  // During delivery: the transaction is submitted, the journal does not know it was delivered.
  (r) => ({ role: 'relayer', at: { event: 'sent', occurrence: r.int(1, 3) } }),
  // After the journal recorded a delivery.
  (r) => ({ role: 'relayer', at: { event: 'delivered', occurrence: r.int(1, 2) } }),
  (r) => ({ role: 'relayer', at: { afterMs: r.int(300, 4_000) } }),
  // After a trip was detected, before any isolation was sent.
  () => ({ role: 'watcher', at: { event: 'trip', occurrence: 1 } }),
  // After an isolation was mined on every chain.
  () => ({ role: 'watcher', at: { event: 'isolated', occurrence: 1 } }),
  (r) => ({ role: 'watcher', at: { afterMs: r.int(300, 4_000) } }),
]

/** Keeps one worker role running: starts it with its next planned kill, restarts it after a SIGKILL. */
class Supervisor {
  current: WorkerProcess | undefined
  all: WorkerProcess[] = []
  kills = 0
  private stopping = false
  private starts = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private restartTimer: ReturnType<typeof setTimeout> | undefined
  readonly problems: string[] = []
  /** SIGKILLs that landed, by point (`relayer@prove`, `watcher@time`, …). */
  readonly landed: Record<string, number> = {}

  constructor(
    readonly role: Role,
    readonly base: Omit<WorkerConfig, 'role' | 'killAt'>,
    readonly configDir: string,
    readonly plan: Kill[],
    readonly rng: Random,
  ) {}

  start() {
    if (this.stopping) return
    const kill = this.plan.shift()
    const config: WorkerConfig = {
      ...this.base,
      role: this.role,
      ...(kill && 'event' in kill.at ? { killAt: kill.at } : {}),
    }
    const worker = startWorker(config, this.configDir, ++this.starts)
    const point = `${this.role}@${kill ? ('event' in kill.at ? kill.at.event : 'time') : 'none'}`
    this.current = worker
    this.all.push(worker)
    if (kill && 'afterMs' in kill.at) {
      const ms = kill.at.afterMs
      this.timer = setTimeout(() => worker.child.kill('SIGKILL'), ms)
    }
    void worker.exited.then((signal) => {
      if (this.timer) clearTimeout(this.timer)
      if (this.stopping) return
      if (signal === 'SIGKILL') {
        this.kills++
        this.landed[point] = (this.landed[point] ?? 0) + 1
      } else
        this.problems.push(
          `${this.role} exited on its own (${signal ?? 'exit'}): ${worker.stderr().slice(-600)}`,
        )
      if (!this.stopping) this.restartTimer = setTimeout(() => this.start(), this.rng.int(0, 250))
    })
  }

  /** Waits until the current process has printed `started`. */
  ready(timeoutMs = 60_000) {
    return until(
      () => this.current?.events.some((e) => e.event === 'started') === true,
      timeoutMs,
      `${this.role} to start (${this.current?.stderr().slice(-400)})`,
    )
  }

  events() {
    return this.all.flatMap((w) => w.events)
  }

  async stop() {
    this.stopping = true
    if (this.timer) clearTimeout(this.timer)
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const w = this.current
    if (w && w.child.exitCode === null && w.child.signalCode === null) {
      w.child.kill('SIGTERM')
      const exit = await Promise.race([w.exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))])
      if (exit === 'timeout') {
        w.child.kill('SIGKILL')
        await w.exited
      }
    }
  }
}

/** Undelivered message keys in the relayer's journal (`msg` records without a `done`). */
function journalPending(queueDir: string): Set<string> {
  const pending = new Set<string>()
  let text = ''
  try {
    text = readFileSync(join(queueDir, 'journal.jsonl'), 'utf8')
  } catch {
    return pending
  }
  for (const line of text.split('\n')) {
    if (!line.endsWith('}')) continue
    const r = JSON.parse(line) as { t: string; key: string }
    if (r.t === 'msg') pending.add(r.key)
    else if (r.t === 'done') pending.delete(r.key)
  }
  return pending
}

/** Domains a trip cut off: a channel guard held a transfer of theirs, or the watcher reported a trip. */
function trippedDomains(ledger: Ledger, watcherEvents: { event: string; domain?: unknown }[]): Set<string> {
  const tripped = new Set<string>()
  for (const name of DOMAINS) if (ledger.channels[name]!.heldByEvents > 0n) tripped.add(name)
  for (const e of watcherEvents) if (e.event === 'trip') tripped.add(String(e.domain))
  return tripped
}

const enforced = (ledger: Ledger, domain: string) =>
  ledger.channels[domain]!.isolated &&
  DOMAINS.every((p) => p === domain || ledger.channels[p]!.paused[domain])

/** Lanes open at both ends (the relayer must drain them). */
const laneOpen = (ledger: Ledger, source: string, destination: string) =>
  !ledger.channels[source]!.paused[destination] && !ledger.channels[destination]!.paused[source]

async function governanceReset(network: CampaignNetwork) {
  await Promise.all(
    DOMAINS.map(async (name) => {
      const wallet = network.chain(name).walletClient
      const channel = network.domain(name).channel
      const hash = await writeContract(wallet, {
        address: channel,
        abi: channelAbi,
        functionName: 'liftIsolation',
      } as never)
      await waitForTransactionReceipt(wallet, { hash, pollingInterval: 20 })
      for (const peer of DOMAINS)
        if (peer !== name) await setLanePaused(wallet, { channel, peer, paused: false })
    }),
  )
}

/**
 * One crash run: a relayer and a watcher run as child processes while users send a seeded
 * stream of transfers (some held by the lane guard, some tripping the watcher's detector); the
 * planned SIGKILLs land at their points and each killed process is restarted on the same
 * on-disk journal. Then: every tripped domain must be cut everywhere, every message on an open
 * lane delivered and every other one still in the relayer's journal, value conserved, nothing
 * delivered twice; and after a governance reset the relayer must drain its queue to zero.
 */
async function crashRun(
  network: CampaignNetwork,
  rng: Random,
  mode: CampaignOptions['mode'],
  report: CampaignReport,
  run: number,
): Promise<{ kills: number; problems: string[]; stats: Record<string, number> }> {
  const problems: string[] = []
  const stats: Record<string, number> = {}
  const t0 = Date.now()
  const phase = (what: string) =>
    process.env.CRASH_DEBUG && console.log(`run ${run} ${what} ${Date.now() - t0} ms`)
  const count = (k: string, n = 1) => {
    stats[k] = (stats[k] ?? 0) + n
  }
  await network.revert()
  const intervalMining = rng.next() < 0.25
  if (intervalMining)
    for (const name of DOMAINS) {
      await network.chain(name).testClient.setAutomine(false)
      await network.chain(name).testClient.setIntervalMining({ interval: 1 })
    }
  const dir = mkdtempSync(join(tmpdir(), `caldera-crash-${run}-`))
  const base = {
    batchSize: rng.int(1, 4),
    mnemonic: ANVIL_MNEMONIC,
    policy: WATCHER_POLICY,
    domains: DOMAINS.map((name) => {
      const c = network.chain(name)
      return {
        name,
        tier: network.domain(name).tier,
        channel: network.domain(name).channel,
        rpcUrl: c.rpcUrl,
        wsUrl: c.wsUrl,
        chainId: c.chainId,
      }
    }),
  }
  const plan = Array.from({ length: rng.int(1, 3) }, () => rng.pick(KILL_POINTS)(rng))
  const relayer = new Supervisor(
    'relayer',
    { ...base, dir: join(dir, 'relayer'), accountIndex: ACCOUNTS.relayer },
    dir,
    plan.filter((k) => k.role === 'relayer'),
    rng,
  )
  const watcher = new Supervisor(
    'watcher',
    { ...base, dir: join(dir, 'watcher'), accountIndex: ACCOUNTS.watcher },
    dir,
    plan.filter((k) => k.role === 'watcher'),
    rng,
  )
  try {
    relayer.start()
    watcher.start()
    await Promise.all([relayer.ready(), watcher.ready()])
    phase(`started (interval mining ${intervalMining})`)

    // Traffic: ordinary transfers, some above the watcher's detector, some above the lane guard.
    const sends = SIZES[mode].sends
    /** Domains that sent a transfer above the watcher's detector threshold (and not held by the guard). */
    const anomalies = new Set<string>()
    for (let i = 0; i < sends; i++) {
      const source = rng.pick(DOMAINS)
      const destination = rng.pick(DOMAINS.filter((d) => d !== source))
      const roll = rng.next()
      const tokens = roll < 0.82 ? rng.int(20, 300) : roll < 0.91 ? rng.int(901, 999) : rng.int(1_001, 1_400)
      const chain = network.chain(source)
      const user = chain.accounts[rng.pick(ACCOUNTS.users)]!
      const wallet = { ...chain.walletClient, account: user } as typeof chain.walletClient
      await sendTransfer(wallet, {
        channel: network.domain(source).channel,
        toDomain: destination,
        recipient: network.chain(destination).accounts[rng.pick(ACCOUNTS.users)]!.address,
        amount: BigInt(tokens) * 10n ** 18n,
      }).then(
        (r) => {
          count(r.held ? 'held' : 'sent')
          if (!r.held && tokens > 900) anomalies.add(source)
        },
        async (e: unknown) => {
          if (e instanceof Error && e.message.includes('LaneIsPaused')) return count('refused')
          // Simulated on one block, mined in the next after an isolation (interval mining): the
          // transaction reverts on chain, nothing is locked. Anything else is a real failure.
          if (e instanceof Error && e.name === 'TransactionRevertedError') {
            const [, paused] = await readContract(chain.publicClient, {
              address: network.domain(source).channel,
              abi: channelAbi,
              functionName: 'lane',
              args: [domainIdOf(destination)],
            })
            if (paused) return count('refused on chain')
          }
          throw e
        },
      )
      await new Promise((r) => setTimeout(r, rng.int(0, 200)))
    }

    phase('traffic sent')
    // Settle: trips enforced everywhere, open lanes drained, the rest durably queued.
    let ledger = await readLedgerPatiently(network)
    const settled = async () => {
      ledger = await readLedger(network)
      if (watcher.current?.events.some((e) => e.event === 'started') !== true) return false
      if (relayer.current?.events.some((e) => e.event === 'started') !== true) return false
      for (const d of trippedDomains(ledger, watcher.events())) if (!enforced(ledger, d)) return false
      const queued = journalPending(join(dir, 'relayer'))
      for (const m of ledger.sent) {
        const key = keyOf(m)
        if (ledger.executed[key]) continue
        if (laneOpen(ledger, m.source, m.destination) || !queued.has(key)) return false
      }
      return true
    }
    await until(settled, 45_000, 'trips enforced and open lanes drained').catch((e: Error) => {
      const tripped = [...trippedDomains(ledger, watcher.events())]
      const queued = journalPending(join(dir, 'relayer'))
      const missing = ledger.sent
        .filter((m) => !ledger.executed[keyOf(m)])
        .map((m) => `${keyOf(m)}${queued.has(keyOf(m)) ? ' (queued)' : ''}`)
      problems.push(
        `${e.message}: tripped ${tripped.map((d) => `${d}${enforced(ledger, d) ? '' : ' NOT enforced'}`).join(', ') || 'none'}; undelivered ${missing.join(', ') || 'none'}`,
      )
    })
    phase('settled')
    // Traffic is over and the open lanes are drained, so the relayer (still running) delivers
    // nothing between two chains' reads; each chain is read at one block.
    await watcher.stop()
    ledger = await readLedgerPatiently(network)
    for (const d of trippedDomains(ledger, watcher.events()))
      if (!enforced(ledger, d)) problems.push(`trip of ${d} not enforced on every chain`)
    const first = checkConservation(ledger)
    problems.push(...first.problems)
    report.valueLost += first.valueLost
    report.messagesDuplicated += first.duplicates
    const tripped = trippedDomains(ledger, watcher.events())
    count('tripped', tripped.size)
    // An anomaly sent while the watcher was down (killed, not yet restarted) is never seen: the
    // watcher subscribes from the current block. Counted, not a failure: nothing was detected.
    count('anomalies never tripped', [...anomalies].filter((d) => !tripped.has(d)).length)
    count('delivered', ledger.deliveries.length)

    // Reset after review: the relayer drains what it kept for the cut lanes, once each.
    await governanceReset(network)
    phase('reset')
    await until(
      async () => {
        ledger = await readLedger(network)
        return (
          ledger.sent.every((m) => ledger.executed[keyOf(m)]) &&
          journalPending(join(dir, 'relayer')).size === 0
        )
      },
      45_000,
      'the queue drained after the reset',
    ).catch((e: Error) => {
      const left = journalPending(join(dir, 'relayer'))
      const undelivered = ledger.sent.filter((m) => !ledger.executed[keyOf(m)]).map(keyOf)
      problems.push(
        `${e.message}: undelivered on chain ${undelivered.join(', ') || 'none'}; still in the journal ${[...left].join(', ') || 'none'}`,
      )
    })
    phase('drained')
    await relayer.stop()
    ledger = await readLedgerPatiently(network)
    const last = checkConservation(ledger)
    problems.push(...last.problems)
    report.valueLost += last.valueLost
    report.messagesDuplicated += last.duplicates
    count('drained', ledger.deliveries.length - (stats.delivered ?? 0))
    problems.push(...relayer.problems, ...watcher.problems)
    for (const [point, n] of Object.entries({ ...relayer.landed, ...watcher.landed }))
      count(`kill ${point}`, n)
    // Errors the processes reported and recovered from (a delivery racing its own earlier transaction, a dropped socket).
    count('relayer errors', relayer.events().filter((e) => e.event === 'error').length)
    count('watcher errors', watcher.events().filter((e) => e.event === 'error').length)
    // Restarts of the watcher that owed an isolation (a trip detected, or a domain isolated, before the kill).
    count(
      'watcher restarts owing a trip',
      watcher.all
        .slice(1)
        .filter((w) => w.events.some((e) => e.event === 'started' && (e.owed as string[]).length > 0)).length,
    )
    return { kills: relayer.kills + watcher.kills, problems, stats }
  } finally {
    await Promise.all([relayer.stop(), watcher.stop()])
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Crash consistency of the relayer and the watcher under SIGKILL, on one devnet reverted to a
 * snapshot before each seeded run (see `crashRun`). `kills` counts the SIGKILLs that landed.
 */
export async function runCrashCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const report = emptyReport('crash consistency')
  const size = SIZES[options.mode]
  const started = Date.now()
  const network = await startCampaignNetwork()
  const stats: Record<string, number> = {}
  try {
    for (let run = 1; run <= size.runs; run++) {
      const rng = createRandom(options.seed * 1_000 + run)
      const result = await crashRun(network, rng, options.mode, report, run).catch((e: unknown) => ({
        kills: 0,
        problems: [`run aborted: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`],
        stats: {},
      }))
      report.steps++
      report.kills += result.kills
      for (const [k, v] of Object.entries(result.stats)) stats[k] = (stats[k] ?? 0) + v
      for (const p of result.problems) report.failures.push(`run ${run} (seed ${options.seed}): ${p}`)
      if (run % 10 === 0)
        options.log?.(`${run} runs, ${report.kills} kills, ${report.failures.length} failures`)
    }
  } finally {
    await network.stop()
  }
  options.log?.(
    `${Object.entries(stats)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  options.log?.(`${size.runs} runs, ${report.kills} kills in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return report
}

/** The crash-consistency campaign. */
export const crashCampaign: Campaign = { name: 'crash consistency', run: runCrashCampaign }
