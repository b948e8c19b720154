import { InvalidTransactionError } from '../errors/compliance.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { type ListingInterval, listedIn, type SanctionsList } from '../sanctions/sanctionsList.js'
import { type AuditLog, createAuditLog } from './auditLog.js'
import { type AmlConfig, type AmlConfigInput, jurisdictionPacks, resolveAmlConfig } from './config.js'
import type { AmlAlert, AmlRuleId, AmlTransaction } from './types.js'
import { TypologyGraph, type TypologyHit } from './typologyGraph.js'

/** Version of each rule; bumped whenever a rule's logic changes, and written into every alert. */
export const ruleVersions: Readonly<Record<AmlRuleId, string>> = {
  sanctions: '1.0.0',
  'large-value': '1.0.0',
  structuring: '1.0.0',
  velocity: '1.0.0',
  'fan-in': '1.0.0',
  'fan-out': '1.0.0',
  cycle: '1.0.0',
  'scatter-gather': '1.0.0',
  'gather-scatter': '1.0.0',
  bipartite: '1.0.0',
  stack: '1.0.0',
  'peel-chain': '1.0.0',
  'rapid-pass-through': '1.0.0',
}

/** Risk points an alert adds to each involved account (scores are capped at 100). */
export const ruleWeights: Readonly<Record<AmlRuleId, number>> = {
  sanctions: 100,
  'large-value': 5,
  structuring: 40,
  velocity: 15,
  'fan-in': 25,
  'fan-out': 25,
  cycle: 40,
  'scatter-gather': 35,
  'gather-scatter': 35,
  bipartite: 30,
  stack: 40,
  'peel-chain': 35,
  'rapid-pass-through': 30,
}

export type CreateAmlMonitorParameters = {
  /** Rule configuration (validated; defaults filled in). */
  config?: AmlConfigInput
  /** Sanctions lists screened by the `sanctions` rule. */
  sanctions?: readonly SanctionsList[]
  /** Keep every alert in `monitor.alerts()` (default true). */
  keepAlerts?: boolean
}

/** A streaming AML monitor. */
export type AmlMonitor = {
  /** The resolved configuration. */
  readonly config: AmlConfig
  /**
   * Screens one transaction and returns the alerts it raised (usually none). Timestamps should be
   * non-decreasing; an earlier one is treated as the latest time seen for the windows.
   */
  ingest(tx: AmlTransaction): readonly AmlAlert[]
  /** Every alert raised so far. */
  alerts(): AmlAlert[]
  /** Risk score (0–100) of every account that has one. */
  riskScores(): Record<string, number>
  /** The hash-chained audit log of the monitor's decisions. */
  readonly audit: AuditLog
  /** Counts so far. */
  stats(): { transactions: number; alerts: number; accounts: number; edgesInWindow: number }
  /** Writes a final checkpoint to the audit log. */
  close(): void
}

const EMPTY: readonly AmlAlert[] = Object.freeze([])
/** The listed party gets the full sanctions weight, its counterparty half of it. */
const SANCTIONS_WEIGHTS = [100, 50] as const

type Account = {
  name: string
  sanctions: ListingInterval[] | null
  sanctionsList: string[] | null
  velTimes: Float64Array | null
  velIds: string[] | null
  velPos: number
  velCount: number
  velCool: number
  strTimes: number[] | null
  strUsd: number[] | null
  strIds: string[] | null
  strCool: number
  score: number
}

function usdText(micro: number): string {
  const cents = Math.floor(micro / 10_000)
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${whole}.${String(cents % 100).padStart(2, '0')} USD`
}

const typologyReason: Record<
  TypologyHit['typology'],
  (names: string[], d: Record<string, number>, w: number) => string
> = {
  'fan-out': (n, d, w) =>
    `${n[0]} sent similar amounts to ${d.counterparties} distinct accounts within ${w} s.`,
  'fan-in': (n, d, w) =>
    `${n[0]} received similar amounts from ${d.counterparties} distinct accounts within ${w} s.`,
  cycle: (n, d) => `Funds went round a ${d.hops}-hop cycle ${[...n, n[0]].join(' → ')} with similar amounts.`,
  'scatter-gather': (n, d) =>
    `${n[1]} scattered funds over ${d.intermediaries} intermediaries that all forwarded them to ${n[0]}.`,
  'gather-scatter': (n, d) =>
    `${n[0]} gathered funds from ${d.sources} sources and scattered them to ${d.sinks} accounts.`,
  bipartite: (_n, d) => `${d.sources} accounts each sent funds to the same ${d.targets} accounts.`,
  stack: (_n, d) => `Funds were layered through ${d.layers} fully connected layers of ${d.width} accounts.`,
  'peel-chain': (n, d) =>
    `Funds moved along a ${d.hops}-hop peel chain from ${n[0]}, shrinking at each hop as small amounts were peeled off.`,
  'rapid-pass-through': (n, d) =>
    `${n[0]} and ${(d.mules ?? 1) - 1} more account(s) passed funds on within ${d.seconds} s of receiving them.`,
}

/**
 * Creates a streaming AML monitor: sanctions screening (versioned lists, delistings honoured),
 * large-value reports per jurisdiction pack, structuring, velocity, and graph typologies (fan-in,
 * fan-out, cycle, scatter-gather, gather-scatter, bipartite, stack, peel chain, rapid
 * pass-through) over a sliding time window. Every alert is explainable (rule id and version,
 * parameters, evidence, accounts, reason, risk scores) and every decision goes into a
 * hash-chained audit log. Deterministic: the same transactions give the same alerts.
 *
 * @param parameters - Configuration and sanctions lists.
 * @returns The monitor.
 *
 * @example
 * import { createAmlMonitor, ofacEthList } from '@caldera/compliance'
 * const monitor = createAmlMonitor({ config: { jurisdiction: 'US' }, sanctions: [ofacEthList()] })
 * const alerts = monitor.ingest({ id: '0xabc', from: '0x…', to: '0x…', usd: 12_000_000000n, timestamp: 1750000000 })
 */
export function createAmlMonitor(parameters: CreateAmlMonitorParameters = {}): AmlMonitor {
  check(inputSchemas.amlMonitor, parameters, 'AML monitor parameters')
  const config = resolveAmlConfig(parameters.config ?? {})
  const lists = parameters.sanctions ?? []
  const keep = parameters.keepAlerts ?? true
  const audit = createAuditLog()
  const pack = jurisdictionPacks[config.jurisdiction]
  const largeValue = Number(config.largeValue.thresholdUsd ?? pack.largeValueUsd)
  const structuringLow = largeValue * config.structuring.lowerFraction
  const velK = config.velocity.maxCount + 1
  const sanctionsOn = config.sanctions.enabled && lists.length > 0
  const largeValueOn = config.largeValue.enabled
  const structuringOn = config.structuring.enabled
  const velocityOn = config.velocity.enabled
  const velocityWindow = config.velocity.windowSeconds
  const checkpointEvery = config.auditCheckpointEvery
  const graph = config.graph.enabled ? new TypologyGraph(config.graph) : undefined

  const ids = new Map<string, number>()
  const accounts: Account[] = []
  const all: AmlAlert[] = []
  const counts = new Map<AmlRuleId, number>()
  let seq = 0
  let lastTime = Number.NEGATIVE_INFINITY
  let alertCount = 0

  const params: Record<AmlRuleId, Record<string, string | number>> = {
    sanctions: { lists: lists.map((l) => l.name).join('; ') },
    'large-value': {
      jurisdiction: config.jurisdiction,
      report: pack.report,
      thresholdUsd: String(largeValue),
    },
    structuring: {
      thresholdUsd: String(largeValue),
      lowerFraction: config.structuring.lowerFraction,
      minCount: config.structuring.minCount,
      windowSeconds: config.structuring.windowSeconds,
    },
    velocity: { maxCount: config.velocity.maxCount, windowSeconds: config.velocity.windowSeconds },
    'fan-in': { fanDegree: config.graph.fanDegree, amountTolerance: config.graph.amountTolerance },
    'fan-out': { fanDegree: config.graph.fanDegree, amountTolerance: config.graph.amountTolerance },
    cycle: {
      minHops: config.graph.cycleMinHops,
      maxHops: config.graph.cycleMaxHops,
      amountTolerance: config.graph.amountTolerance,
    },
    'scatter-gather': {
      minIntermediaries: config.graph.scatterGatherMin,
      amountTolerance: config.graph.amountTolerance,
    },
    'gather-scatter': {
      minSourcesAndSinks: config.graph.gatherScatterMin,
      amountTolerance: config.graph.amountTolerance,
    },
    bipartite: { minSide: config.graph.bipartiteMin },
    stack: { minLayerWidth: config.graph.bipartiteMin },
    'peel-chain': {
      minHops: config.graph.peelMinHops,
      minRatio: config.graph.peelMinRatio,
      maxRatio: config.graph.peelMaxRatio,
      amountTolerance: config.graph.amountTolerance,
    },
    'rapid-pass-through': {
      maxSeconds: config.graph.passThroughSeconds,
      minRatio: config.graph.passThroughMinRatio,
      minAccounts: config.graph.passThroughMinAccounts,
    },
  }
  for (const typology of Object.keys(params) as AmlRuleId[])
    if (
      typology !== 'sanctions' &&
      typology !== 'large-value' &&
      typology !== 'structuring' &&
      typology !== 'velocity'
    )
      params[typology].windowSeconds = config.graph.windowSeconds

  audit.append('config', 0, {
    config: JSON.parse(JSON.stringify(config, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))),
    ruleVersions,
  })
  for (const list of lists) audit.append('sanctions-list', 0, { name: list.name, versions: list.versions })

  function intern(name: string): number {
    let id = ids.get(name)
    if (id !== undefined) return id
    const isAddress = name.length === 42 && name.charCodeAt(0) === 48 && (name.charCodeAt(1) | 32) === 120
    const key = isAddress ? name.toLowerCase() : name
    id = ids.get(key)
    if (id !== undefined) {
      ids.set(name, id)
      return id
    }
    id = accounts.length
    let sanctions: ListingInterval[] | null = null
    let sanctionsList: string[] | null = null
    if (isAddress)
      for (const list of lists) {
        const intervals = list.intervalsOf(key)
        if (intervals.length === 0) continue
        for (const interval of intervals) {
          sanctions = sanctions ?? []
          sanctionsList = sanctionsList ?? []
          sanctions.push(interval)
          sanctionsList.push(list.name)
        }
      }
    accounts.push({
      name: key,
      sanctions,
      sanctionsList,
      velTimes: null,
      velIds: null,
      velPos: 0,
      velCount: 0,
      velCool: Number.NEGATIVE_INFINITY,
      strTimes: null,
      strUsd: null,
      strIds: null,
      strCool: Number.NEGATIVE_INFINITY,
      score: 0,
    })
    ids.set(key, id)
    if (key !== name) ids.set(name, id)
    graph?.addAccount(id)
    return id
  }

  function emit(
    out: AmlAlert[] | undefined,
    ruleId: AmlRuleId,
    t: number,
    evidence: string[],
    involved: number[],
    reason: string,
    extra?: Record<string, string | number>,
    weights?: readonly number[],
  ): AmlAlert[] {
    const n = (counts.get(ruleId) ?? 0) + 1
    counts.set(ruleId, n)
    const riskScores: Record<string, number> = {}
    const names: string[] = []
    for (const [i, a] of involved.entries()) {
      const acct = accounts[a]!
      if (riskScores[acct.name] !== undefined) continue
      acct.score = Math.min(100, acct.score + (weights?.[i] ?? ruleWeights[ruleId]))
      riskScores[acct.name] = acct.score
      names.push(acct.name)
    }
    const alert: AmlAlert = {
      id: `${ruleId}#${n}`,
      ruleId,
      ruleVersion: ruleVersions[ruleId],
      timestamp: t,
      parameters: extra ? { ...params[ruleId], ...extra } : { ...params[ruleId] },
      evidence,
      accounts: names,
      reason,
      riskScores,
    }
    alertCount++
    if (keep) all.push(alert)
    audit.append('alert', t, alert)
    const list = out ?? []
    list.push(alert)
    return list
  }

  const hits: TypologyHit[] = []

  function ingest(tx: AmlTransaction): readonly AmlAlert[] {
    const { from, to, usd, timestamp } = tx
    if (typeof from !== 'string' || from.length === 0)
      throw new InvalidTransactionError({
        field: 'from',
        given: String(from),
        expected: 'a non-empty account id',
      })
    if (typeof to !== 'string' || to.length === 0)
      throw new InvalidTransactionError({
        field: 'to',
        given: String(to),
        expected: 'a non-empty account id',
      })
    if (typeof usd !== 'bigint' || usd < 0n)
      throw new InvalidTransactionError({
        field: 'usd',
        given: String(usd),
        expected: 'a non-negative bigint (micro-dollars)',
      })
    if (typeof timestamp !== 'number' || !(timestamp >= 0))
      throw new InvalidTransactionError({
        field: 'timestamp',
        given: String(timestamp),
        expected: 'seconds since the epoch',
      })
    const n = seq++
    const id = tx.id ?? `#${n}`
    const amount = Number(usd)
    let t = timestamp
    if (t < lastTime) t = lastTime
    else lastTime = t
    const u = intern(from)
    const v = intern(to)
    const A = accounts[u]!
    const B = accounts[v]!
    let out: AmlAlert[] | undefined

    if (sanctionsOn && (A.sanctions !== null || B.sanctions !== null)) {
      for (const [acct, side] of [
        [A, 'originator'],
        [B, 'beneficiary'],
      ] as const) {
        if (acct.sanctions === null) continue
        const hit = listedIn(acct.sanctions, timestamp)
        if (!hit) continue
        out = emit(
          out,
          'sanctions',
          timestamp,
          [id],
          acct === A ? [u, v] : [v, u],
          `The ${side} ${acct.name} is on sanctions list version ${hit.version} (listed since ${new Date(hit.from * 1000).toISOString().slice(0, 10)}).`,
          { listVersion: hit.version, side },
          SANCTIONS_WEIGHTS,
        )
      }
    }

    if (largeValueOn && amount >= largeValue)
      out = emit(
        out,
        'large-value',
        timestamp,
        [id],
        [u, v],
        `Transfer of ${usdText(amount)} reaches the ${config.jurisdiction} large-value threshold of ${usdText(largeValue)} (${pack.report}).`,
      )

    if (structuringOn && amount >= structuringLow && amount < largeValue) {
      const w = config.structuring.windowSeconds
      if (A.strTimes === null) {
        A.strTimes = []
        A.strUsd = []
        A.strIds = []
      }
      const times = A.strTimes
      const usds = A.strUsd!
      const txIds = A.strIds!
      times.push(t)
      usds.push(amount)
      txIds.push(id)
      let drop = 0
      while (drop < times.length && times[drop]! < t - w) drop++
      if (drop > 0) {
        times.splice(0, drop)
        usds.splice(0, drop)
        txIds.splice(0, drop)
      }
      let sum = 0
      for (const x of usds) sum += x
      if (times.length >= config.structuring.minCount && sum > largeValue && t - A.strCool >= w) {
        A.strCool = t
        out = emit(
          out,
          'structuring',
          timestamp,
          txIds.slice(),
          [u],
          `${A.name} made ${times.length} transfers just under the ${usdText(largeValue)} threshold within ${w} s, totalling ${usdText(sum)}.`,
        )
      }
    }

    if (velocityOn) {
      if (A.velTimes === null) {
        A.velTimes = new Float64Array(velK)
        A.velIds = new Array(velK)
      }
      const pos = A.velPos
      A.velTimes[pos] = t
      A.velIds![pos] = id
      A.velPos = pos + 1 === velK ? 0 : pos + 1
      A.velCount++
      const w = velocityWindow
      if (A.velCount >= velK && t - A.velTimes[A.velPos]! <= w && t - A.velCool >= w) {
        A.velCool = t
        const evidence: string[] = []
        for (let i = 0; i < velK; i++) evidence.push(A.velIds![(A.velPos + i) % velK]!)
        out = emit(
          out,
          'velocity',
          timestamp,
          evidence,
          [u],
          `${A.name} made ${velK} outgoing transfers within ${t - A.velTimes[A.velPos]!} s (more than ${config.velocity.maxCount} in ${w} s).`,
        )
      }
    }

    if (graph !== undefined) {
      graph.add(u, v, t, amount, id, hits)
      if (hits.length > 0) {
        for (const hit of hits) {
          const names = hit.accounts.map((a) => accounts[a]!.name)
          out = emit(
            out,
            hit.typology,
            timestamp,
            hit.edges.map((e) => graph.edgeTx(e)),
            hit.accounts,
            typologyReason[hit.typology](names, hit.detail, config.graph.windowSeconds),
          )
        }
        hits.length = 0
      }
    }

    if (checkpointEvery > 0 && seq % checkpointEvery === 0)
      audit.append('checkpoint', t, { transactions: seq, lastTx: id, alerts: alertCount })
    return out ?? EMPTY
  }

  return {
    config,
    ingest,
    alerts: () => all.slice(),
    riskScores() {
      const scores: Record<string, number> = {}
      for (const a of accounts) if (a.score > 0) scores[a.name] = a.score
      return scores
    },
    audit,
    stats: () => ({
      transactions: seq,
      alerts: alertCount,
      accounts: accounts.length,
      edgesInWindow: graph?.size ?? 0,
    }),
    close() {
      audit.append('checkpoint', lastTime === Number.NEGATIVE_INFINITY ? 0 : lastTime, {
        transactions: seq,
        alerts: alertCount,
        final: true,
      })
    },
  }
}

/**
 * Runs transactions through a fresh monitor and returns the alerts and the audit head: the same
 * input and configuration always give the same result.
 *
 * @example
 * import { replayAml } from '@caldera/compliance'
 * const a = replayAml({ transactions })
 * const b = replayAml({ transactions })
 * a.auditHead === b.auditHead // true
 */
export function replayAml(
  parameters: CreateAmlMonitorParameters & { transactions: Iterable<AmlTransaction> },
): { alerts: AmlAlert[]; riskScores: Record<string, number>; auditHead: `0x${string}` } {
  check(inputSchemas.replayAml, parameters, 'replayAml parameters')
  const monitor = createAmlMonitor(parameters)
  for (const tx of parameters.transactions) monitor.ingest(tx)
  monitor.close()
  return { alerts: monitor.alerts(), riskScores: monitor.riskScores(), auditHead: monitor.audit.head() }
}
