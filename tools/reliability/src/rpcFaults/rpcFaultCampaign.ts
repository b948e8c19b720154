import {
  type ChainReachable,
  type ChainUnreachable,
  createWatcher,
  type IsolationCaughtUp,
  sendTransfer,
  type Watcher,
} from '@caldera/circuit-breaker'
import { channelAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import type { Campaign } from '../campaigns.js'
import type { RpcFaultSetting } from '../faults/rpcFaultProxy.js'
import type { CampaignOptions, CampaignReport } from '../types.js'
import { emptyReport } from '../types.js'
import {
  type FaultNetwork,
  startFaultNetwork,
  TIERS,
  until,
  WATCHER_HTTP_TIMEOUT_MS,
} from './faultNetwork.js'

/** One fault a chain meets; `self`: the anomaly happens on the faulty chain itself, during the fault. */
export type RpcFaultScenario = {
  label: string
  fault: RpcFaultSetting
  self?: boolean
  /** Hold the fault this long (default: 0, 1 or 2 units, seeded). */
  holdMs?: number
  /** Run in the soak only (keeps the bounded test within its time budget). */
  soakOnly?: boolean
}

const SLOW = { mode: 'slow', delayMs: WATCHER_HTTP_TIMEOUT_MS + 500 } as const
/**
 * Longer than a request issued just before the fault was lifted can take to land: its transport's
 * timeout and one retry (HTTP), or the delay of a frame already queued (WebSocket).
 */
const SLOW_SETTLE_MS = WATCHER_HTTP_TIMEOUT_MS + SLOW.delayMs

/** The faults each chain meets in turn, per transport of the watcher. */
export const RPC_FAULTS: {
  readonly http: readonly RpcFaultScenario[]
  readonly ws: readonly RpcFaultScenario[]
} = {
  http: [
    { label: 'drop', fault: { mode: 'drop' } },
    { label: `slow ${SLOW.delayMs} ms`, fault: SLOW },
    { label: 'error http 503', fault: { mode: 'error', as: 'http' } },
    { label: 'error json-rpc', fault: { mode: 'error', as: 'rpc' } },
    {
      label: 'drop eth_sendRawTransaction only',
      fault: { mode: 'drop', methods: ['eth_sendRawTransaction'] },
    },
    { label: 'drop, anomaly on this chain', fault: { mode: 'drop' }, self: true },
  ],
  // Over WebSocket the fault hits the connection (method filters do not apply to frames).
  ws: [
    { label: 'drop', fault: { mode: 'drop' } },
    { label: `slow ${SLOW.delayMs} ms`, fault: SLOW },
    { label: 'error http 503', fault: { mode: 'error', as: 'http' }, soakOnly: true },
    // Longer than viem's reconnection delay (2 s): its failed reconnection leaves the socket closed.
    { label: 'drop 3 s, anomaly on this chain', fault: { mode: 'drop' }, self: true, holdMs: 3_000 },
  ],
}

/** Evidence that a financial chain the watcher lost failed closed. */
export type FailClosedEvidence = {
  /** Peers whose lane to and from the financial domain was paused on chain while it was unreachable. */
  peersCut: string[]
  /** A transfer into the financial domain, refused on the peer (revert reason). */
  sendRefused: string
  /** A delivery from the financial domain, refused on the peer (eth_call revert reason). */
  deliveryRefused: string
  /** Milliseconds from the fault until both peers were cut. */
  ms: number
}

/** What one fault round showed. */
export type RpcFaultRound = {
  /** How the watcher reached the chains: HTTP polling or WebSocket subscriptions. */
  transport: 'http' | 'ws'
  /** The chain behind the faulty RPC. */
  chain: string
  fault: string
  /** Milliseconds the fault was held after the watcher had reported it. */
  holdMs: number
  /** The domain whose >1M USD transfer was held (the anomaly). */
  anomaly: string
  /**
   * Lanes found paused on chain while the fault lasted (on the reachable chains), and once it was
   * lifted (on the faulty chain; for an anomaly on the faulty chain, its peers' lanes to it).
   */
  lanesCutReachable: number
  lanesCutAfterRecovery: number
  /** Milliseconds from the anomalous transfer until every reachable chain was cut. */
  reachableCutMs: number
  /** What the watcher reported about the faulty chain. */
  reported?: ChainUnreachable | undefined
  recovered?: ChainReachable | undefined
  /**
   * The faulty chain was cut by a retry (`retry`) or, after the watcher gave up, by `catchUp`;
   * for an anomaly on the faulty chain, its peers cut it once the watcher saw the held transfer
   * after the outage (`seenAfterRecovery`) or already by failing closed (`failClosed`).
   */
  cutBy?: 'retry' | 'catchUp' | 'seenAfterRecovery' | 'failClosed'
  /** Milliseconds from lifting the fault until the faulty chain was cut too. */
  recoveryCutMs: number
  failClosed?: FailClosedEvidence | undefined
  failures: string[]
}

export type RpcFaultRun = { report: CampaignReport; rounds: RpcFaultRound[] }

const ANOMALY = parseEra('1500000') // 1.5M USD at 1 token = 1 USD: above every tier's single-transfer limit
const SMALL = parseEra('10')

function revertReason(error: unknown): string {
  const e = error as { shortMessage?: string; walk?: (fn: (e: unknown) => boolean) => unknown }
  const named = e.walk?.(
    (c) => typeof (c as { data?: { errorName?: string } }).data?.errorName === 'string',
  ) as { data: { errorName: string; args?: readonly unknown[] } } | undefined
  const nameOf = (arg: unknown) => TIERS.find((t) => domainIdOf(t) === arg) ?? String(arg)
  if (named) return `${named.data.errorName}(${(named.data.args ?? []).map(nameOf).join(', ')})`
  return e.shortMessage ?? String(error).split('\n')[0]!
}

/**
 * Runs the RPC fault campaign: three chains (financial, enterprise, light) with the channel
 * network, the watcher reading and writing each chain through its own fault proxy. For each
 * chain in turn and each fault, a transfer above 1M USD is held on another domain; the campaign
 * checks on chain, through direct clients, that the watcher cut every lane it could reach, that it
 * reported the faulty chain, that the faulty chain was cut once its RPC answered again, that a
 * lost financial chain failed closed (its peers refuse value to and from it), and that value is
 * conserved. One step = one fault round.
 *
 * @example
 * const { report, rounds } = await runRpcFaults({ seed: 1, mode: 'test' })
 */
export async function runRpcFaults(options: CampaignOptions): Promise<RpcFaultRun> {
  const report = emptyReport('rpc faults')
  const rounds: RpcFaultRound[] = []
  const log = options.log ?? (() => undefined)
  const cycles = options.mode === 'soak' ? 4 : 1
  const net = await startFaultNetwork()
  const unreachable: ChainUnreachable[] = []
  const reachable: ChainReachable[] = []
  const caughtUp: IsolationCaughtUp[] = []
  const trips: TripRecord[] = []
  let watcher: Watcher | undefined
  try {
    const heldIds = new Map<string, bigint[]>()
    let round = 0
    for (let cycle = 0; cycle < cycles; cycle++)
      for (const transport of ['http', 'ws'] as const) {
        watcher = createWatcher({
          domains: net.domains.map((d) => ({
            name: d.name,
            tier: d.tier,
            channel: d.channel,
            ...net.watcherClients(d.name, transport),
          })),
          onUnreachable: (r) => unreachable.push(r),
          onReachable: (r) => reachable.push(r),
          onCaughtUp: (c) => caughtUp.push(c),
          onTrip: (t) =>
            trips.push({ at: performance.now(), domain: t.domain, detector: t.detector, reason: t.reason }),
          retry: { delayMs: 100, maxDelayMs: 300, attempts: 4 },
          heartbeatMs: 200,
          failClosedAfterMs: 1_000,
        })
        await watcher.start()
        for (const [ci, chain] of TIERS.entries())
          for (const scenario of RPC_FAULTS[transport]) {
            if (scenario.soakOnly && options.mode !== 'soak') continue
            // The anomaly happens on one of the two other domains, alternating (seeded).
            const others = TIERS.filter((t) => t !== chain)
            const anomaly = scenario.self ? chain : others[(round + options.seed + ci) % 2]!
            round++
            const result = await faultRound(net, watcher, {
              transport,
              chain,
              scenario,
              anomaly,
              // Seeded: some faults are lifted at once (the retries cut the chain), some held long
              // enough for the watcher to give up and catch up once the chain answers.
              holdMs:
                scenario.holdMs ??
                ((round * 7919 + options.seed) % 3) * (options.mode === 'soak' ? 800 : 600),
              heldIds,
              unreachable,
              reachable,
              caughtUp,
              trips,
            })
            rounds.push(result)
            report.steps++
            // A slow fault forwards late: a request the watcher gave up on (or its transport's
            // retry) may still reach the node a few seconds on. Let it land before the next round,
            // so what the next round finds on chain is its own doing.
            if (scenario.fault.mode === 'slow') await new Promise((r) => setTimeout(r, SLOW_SETTLE_MS))
            for (const f of result.failures)
              report.failures.push(`${transport} ${chain} / ${scenario.label}: ${f}`)
            log(describeRound(result))
          }
        await watcher.stop()
        watcher = undefined
      }
    const { lockedNet, accounted } = await net.valueImbalance()
    report.valueLost = lockedNet > accounted ? lockedNet - accounted : accounted - lockedNet
    if (report.valueLost !== 0n)
      report.failures.push(`value not conserved: locked − refunded ${lockedNet}, accounted ${accounted}`)
  } finally {
    await watcher?.stop()
    await net.stop()
  }
  return { report, rounds }
}

function describeRound(r: RpcFaultRound): string {
  const failClosed = r.failClosed
    ? `; fail-closed: ${r.failClosed.peersCut.join('+')} cut, send ${r.failClosed.sendRefused}, delivery ${r.failClosed.deliveryRefused}`
    : ''
  const failures = r.failures.length > 0 ? `; FAIL ${r.failures.join('; ')}` : ''
  return `${r.transport.padEnd(4)} ${r.chain.padEnd(10)} ${r.fault.padEnd(34)} hold ${String(r.holdMs).padStart(4)} ms, anomaly ${r.anomaly.padEnd(10)} cut during fault ${r.lanesCutReachable} lanes in ${r.reachableCutMs.toFixed(0)} ms; reported "${r.reported?.error ?? '-'}" (${r.reported?.by ?? '-'}); after recovery ${r.lanesCutAfterRecovery} lanes in ${r.recoveryCutMs.toFixed(0)} ms (${r.cutBy ?? '-'})${failClosed}${failures}`
}

type RoundParameters = {
  transport: 'http' | 'ws'
  chain: string
  scenario: RpcFaultScenario
  anomaly: string
  holdMs: number
  heldIds: Map<string, bigint[]>
  unreachable: ChainUnreachable[]
  reachable: ChainReachable[]
  caughtUp: IsolationCaughtUp[]
  trips: TripRecord[]
}

/** A trip the watcher reported, for failure messages. */
type TripRecord = { at: number; domain: string; detector: string; reason: string }

/** Governance reopens everything from the previous round; the watcher's breakers are reset. */
async function resetRound(
  net: FaultNetwork,
  watcher: Watcher,
  fail: (what: string) => void,
  p: RoundParameters,
) {
  await net.reopenAll(p.heldIds)
  for (const d of TIERS)
    if (watcher.circuitBreaker.breaker(d).state === 'open')
      watcher.reset(d, { by: 'governance', reason: 'next fault round' })
  if (!(await until(() => watcher.health().every((h) => h.reachable), 15_000)))
    fail(`chains not reachable at the start: ${JSON.stringify(watcher.health())}`)
  return {
    isolations: watcher.isolations.length,
    reports: p.unreachable.length,
    recoveries: p.reachable.length,
    caughtUp: p.caughtUp.length,
  }
}

const cutAll = async (net: FaultNetwork, lanes: [string, string][]) =>
  (await Promise.all(lanes.map(([on, peer]) => net.laneCut(on, peer)))).every(Boolean)

async function faultRound(net: FaultNetwork, watcher: Watcher, p: RoundParameters): Promise<RpcFaultRound> {
  const { chain, anomaly } = p
  const round: RpcFaultRound = {
    transport: p.transport,
    chain,
    fault: p.scenario.label,
    holdMs: p.holdMs,
    anomaly,
    lanesCutReachable: 0,
    lanesCutAfterRecovery: 0,
    reachableCutMs: 0,
    recoveryCutMs: 0,
    failures: [],
  }
  const fail = (what: string) => round.failures.push(what)
  const financial = chain === 'financial'
  const before = await resetRound(net, watcher, fail, p)
  if (p.scenario.self) return selfAnomalyRound(net, watcher, p, round, before)
  const third = TIERS.find((t) => t !== chain && t !== anomaly)!

  const faultAt = performance.now()
  const roundStart = p.trips.length
  net.proxy(chain).set(p.scenario.fault)
  // The anomaly: a transfer above 1M USD on another domain, held by its channel's guard. It goes
  // to the third domain: a lane to a faulty financial chain is cut (fail-closed) about a second
  // into the fault, which on a busy machine can be before this transfer is mined.
  const held = await sendTransfer(net.userWallet(anomaly), {
    channel: net.domain(anomaly).channel,
    toDomain: third,
    recipient: net.devnet.chain(anomaly).accounts[1]!.address,
    amount: ANOMALY,
  }).catch((error: unknown) => {
    const since = p.trips
      .slice(Math.max(0, roundStart - 3))
      .map((t) => `${(t.at - faultAt).toFixed(0)} ms ${t.domain} ${t.detector}: ${t.reason}`)
    fail(
      `the anomalous transfer was refused: ${revertReason(error)}; last trips (ms from the fault) ${since.join(' | ')}`,
    )
    return undefined
  })
  if (held === undefined) {
    net.proxy(chain).set({ mode: 'pass' })
    return round
  }
  if (!held.held) fail('the anomalous transfer was not held by the guard')
  else p.heldIds.set(anomaly, [...(p.heldIds.get(anomaly) ?? []), held.heldId])
  const sentAt = performance.now()

  // Every lane the watcher can reach is cut: on the anomalous domain (isolated) and on the third chain.
  const reachableLanes: [string, string][] = [
    [anomaly, chain],
    [anomaly, third],
    [third, anomaly],
  ]
  if (await until(() => cutAll(net, reachableLanes), 10_000)) {
    round.reachableCutMs = performance.now() - sentAt
    round.lanesCutReachable = reachableLanes.length
  } else
    fail(
      `reachable lanes not cut within 10 s (watcher errors: ${watcher.health().map((h) => h.error ?? 'ok')})`,
    )
  // …while the faulty chain's lane is still open: the fault is real (nothing reached that node).
  // A slow RPC forwards late: an isolation sent through it may land while the fault lasts.
  if (p.scenario.fault.mode !== 'slow' && (await net.laneCut(chain, anomaly)))
    fail(`${chain} was cut although its RPC was faulty`)

  // The faulty chain is reported, naming the error.
  const reportedNow = () => p.unreachable.slice(before.reports).find((r) => r.chain === chain)
  if (await until(() => reportedNow() !== undefined, 10_000)) {
    round.reported = reportedNow()
    const health = watcher.health().find((h) => h.chain === chain)
    if (health?.reachable !== false || !health.error) fail(`health() does not show ${chain} unreachable`)
  } else fail(`${chain} not reported unreachable within 10 s`)

  if (financial) round.failClosed = await checkFailClosed(net, faultAt, fail)
  else if (await net.laneCut('financial', chain).catch(() => false))
    if (anomaly !== 'financial')
      fail(`a ${chain} outage cut financial's lane to it (only fail-closed tiers do that)`)

  await new Promise((r) => setTimeout(r, p.holdMs))
  // The RPC answers again: the faulty chain's lanes are cut too.
  const liftedAt = performance.now()
  net.proxy(chain).set({ mode: 'pass' })
  const recoveryLanes: [string, string][] = financial
    ? [
        [chain, anomaly],
        [chain, third],
      ]
    : [[chain, anomaly]]
  const done = () => {
    const mine = watcher.isolations.slice(before.isolations)
    const wanted = financial ? [anomaly, 'financial'] : [anomaly]
    return wanted.every((d) => mine.some((i) => i.domain === d && i.results.every((r) => r.ok)))
  }
  if (await until(async () => (await cutAll(net, recoveryLanes)) && done(), 20_000)) {
    round.recoveryCutMs = performance.now() - liftedAt
    round.lanesCutAfterRecovery = recoveryLanes.length
    if (financial && !(await net.isolated('financial')))
      fail('financial did not isolate itself after recovery')
  } else
    fail(
      `${chain} not cut within 20 s of its RPC answering again: ${await diagnose(net, watcher, before.isolations, recoveryLanes)}`,
    )
  round.cutBy = p.caughtUp.slice(before.caughtUp).some((c) => c.result.chain === chain) ? 'catchUp' : 'retry'
  const recoveredNow = () => p.reachable.slice(before.recoveries).find((r) => r.chain === chain)
  if (await until(() => recoveredNow() !== undefined, 10_000)) round.recovered = recoveredNow()
  else fail(`${chain} not reported reachable again`)
  return round
}

/** What the watcher and the chains show, for a failure message. */
async function diagnose(net: FaultNetwork, watcher: Watcher, since: number, lanes: [string, string][]) {
  const cut = await Promise.all(
    lanes.map(async ([on, peer]) => `${on}→${peer} ${await net.laneCut(on, peer)}`),
  )
  const isolations = watcher.isolations
    .slice(since)
    .map(
      (i) =>
        `${i.domain}: ${i.results.map((r) => `${r.chain} ${r.ok ? 'ok' : `failed (${r.error})`} ×${r.attempts}`).join(', ')}`,
    )
  return `lanes ${cut.join(', ')}; isolations ${isolations.join(' | ') || 'none'}; health ${JSON.stringify(watcher.health())}`
}

/** A lost financial chain: its peers cut it, refuse transfers into it and deliveries from it. */
async function checkFailClosed(
  net: FaultNetwork,
  faultAt: number,
  fail: (what: string) => void,
): Promise<FailClosedEvidence | undefined> {
  const peers = TIERS.filter((t) => t !== 'financial')
  const cut = async () => (await Promise.all(peers.map((p) => net.laneCut(p, 'financial')))).every(Boolean)
  if (!(await until(cut, 15_000))) {
    fail('financial did not fail closed within 15 s: its peers still accept value to and from it')
    return undefined
  }
  const ms = performance.now() - faultAt
  const peer = peers[0]!
  const before = await net.devnet.chain(peer).publicClient.readContract({
    address: net.domain(peer).channel,
    abi: channelAbi,
    functionName: 'totalLocked',
  })
  // Into financial: the peer's channel refuses the send.
  const sendRefused = await sendTransfer(net.userWallet(peer), {
    channel: net.domain(peer).channel,
    toDomain: 'financial',
    recipient: net.devnet.chain(peer).accounts[1]!.address,
    amount: SMALL,
  }).then(
    () => 'accepted',
    (error: unknown) => revertReason(error),
  )
  if (!sendRefused.startsWith('LaneIsPaused(financial)'))
    fail(`a send into financial was not refused: ${sendRefused}`)
  const after = await net.devnet.chain(peer).publicClient.readContract({
    address: net.domain(peer).channel,
    abi: channelAbi,
    functionName: 'totalLocked',
  })
  if (after !== before) fail(`value left ${peer} towards financial (${after - before})`)
  // From financial: a transfer sent there stays in flight, its delivery is refused on the peer.
  // (When financial's own guard isolated it, the send is refused there already.)
  const sent = await sendTransfer(net.userWallet('financial'), {
    channel: net.domain('financial').channel,
    toDomain: peer,
    recipient: net.devnet.chain('financial').accounts[1]!.address,
    amount: SMALL,
  }).catch(() => undefined)
  const deliveryRefused = await net.devnet
    .chain(peer)
    .publicClient.simulateContract({
      address: net.domain(peer).channel,
      abi: channelAbi,
      functionName: 'receiveBatch',
      args: [
        [
          {
            sourceDomain: domainIdOf('financial'),
            destinationDomain: domainIdOf(peer),
            nonce: sent && !sent.held ? sent.nonce : 1n,
            sender: net.devnet.chain('financial').accounts[1]!.address,
            recipient: net.devnet.chain('financial').accounts[1]!.address,
            amount: SMALL,
          },
        ],
        0n,
        '0x',
      ],
      account: net.devnet.chain(peer).accounts[0]!,
    })
    .then(
      () => 'accepted',
      (error: unknown) => revertReason(error),
    )
  if (!deliveryRefused.startsWith('LaneIsPaused(financial)'))
    fail(`a delivery from financial was not refused: ${deliveryRefused}`)
  return { peersCut: peers, sendRefused, deliveryRefused, ms }
}

/**
 * The anomaly happens on the faulty chain itself while the watcher cannot see it: its channel's
 * guard holds the transfer and isolates the domain at once; the watcher's peers cut it as soon as
 * the watcher sees the held transfer after the outage (events of the outage are read back), or
 * earlier when the chain is financial (fail-closed).
 */
async function selfAnomalyRound(
  net: FaultNetwork,
  watcher: Watcher,
  p: RoundParameters,
  round: RpcFaultRound,
  before: Awaited<ReturnType<typeof resetRound>>,
): Promise<RpcFaultRound> {
  const { chain } = p
  const fail = (what: string) => round.failures.push(what)
  const peers = TIERS.filter((t) => t !== chain)
  const faultAt = performance.now()
  net.proxy(chain).set(p.scenario.fault)
  const reportedNow = () => p.unreachable.slice(before.reports).find((r) => r.chain === chain)
  if (await until(() => reportedNow() !== undefined, 10_000)) round.reported = reportedNow()
  else fail(`${chain} not reported unreachable within 10 s`)
  const held = await sendTransfer(net.userWallet(chain), {
    channel: net.domain(chain).channel,
    toDomain: peers[0]!,
    recipient: net.devnet.chain(chain).accounts[1]!.address,
    amount: ANOMALY,
  })
  if (!held.held) fail('the anomalous transfer was not held by the guard')
  else p.heldIds.set(chain, [...(p.heldIds.get(chain) ?? []), held.heldId])
  if (!(await net.isolated(chain))) fail(`${chain}'s guard did not isolate it`)
  const peerLanes: [string, string][] = peers.map((peer) => [peer, chain])
  if (chain === 'financial') {
    round.failClosed = await checkFailClosed(net, faultAt, fail)
    round.reachableCutMs = round.failClosed?.ms ?? 0
    round.lanesCutReachable = round.failClosed ? peerLanes.length : 0
  }
  await new Promise((r) => setTimeout(r, p.holdMs))
  const liftedAt = performance.now()
  net.proxy(chain).set({ mode: 'pass' })
  const seen = () =>
    watcher.isolations
      .slice(before.isolations)
      .some((i) => i.domain === chain && i.results.filter((r) => r.chain !== chain).every((r) => r.ok))
  if (await until(async () => (await cutAll(net, peerLanes)) && seen(), 20_000)) {
    round.recoveryCutMs = performance.now() - liftedAt
    round.lanesCutAfterRecovery = peerLanes.length
  } else fail(`the peers did not cut ${chain} within 20 s of its RPC answering again`)
  const isolation = watcher.isolations.slice(before.isolations).find((i) => i.domain === chain)
  round.cutBy = isolation?.trip.detector === 'failClosed' ? 'failClosed' : 'seenAfterRecovery'
  const recoveredNow = () => p.reachable.slice(before.recoveries).find((r) => r.chain === chain)
  if (await until(() => recoveredNow() !== undefined, 10_000)) round.recovered = recoveredNow()
  else fail(`${chain} not reported reachable again`)
  return round
}

/** RPC fault tolerance: each chain's RPC drops, stalls and errors in turn while the watcher cuts lanes. */
export const rpcFaultCampaign: Campaign = {
  name: 'rpc faults',
  run: async (options) => (await runRpcFaults(options)).report,
}
