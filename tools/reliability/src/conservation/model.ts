import type { CampaignReport } from '../types.js'
import {
  type ConservationResult,
  checkConservation,
  keyOf,
  type Ledger,
  readLedgerPatiently,
} from './ledger.js'
import { type CampaignNetwork, DOMAINS } from './network.js'

/** What the model expects of the network: pauses, isolations, open held transfers, value locked. */
export type Model = {
  isolated: Record<string, boolean>
  /** `paused[chain][peer]`: the lane on `chain`'s channel to and from `peer` was paused by itself. */
  paused: Record<string, Record<string, boolean>>
  /** Held transfers by domain, in id order, with whether they were settled. */
  held: { domain: string; id: bigint; amount: bigint; settled: boolean }[]
  locked: Record<string, bigint>
}

/** The system under test, and the campaign's counters. */
export type Real = {
  network: CampaignNetwork
  queueDir: string
  report: CampaignReport
  /** The ledger read after the previous step. */
  last: Ledger
  /** Counts of what happened (sent, held, refused, release, refund, delivered, replaysRefused). */
  stats: Record<string, number>
}

export function initialModel(): Model {
  return {
    isolated: Object.fromEntries(DOMAINS.map((d) => [d, false])),
    paused: Object.fromEntries(
      DOMAINS.map((d) => [d, Object.fromEntries(DOMAINS.filter((p) => p !== d).map((p) => [p, false]))]),
    ),
    held: [],
    locked: Object.fromEntries(DOMAINS.map((d) => [d, 0n])),
  }
}

/** Whether the channel of `chain` refuses traffic to and from `peer` (its lane paused or itself isolated). */
export const cut = (m: Model, chain: string, peer: string) => m.paused[chain]![peer]! || m.isolated[chain]!

/** Whether the relayer may deliver on the lane `source → destination` (open on both ends). */
export const laneOpen = (m: Model, source: string, destination: string) =>
  !cut(m, source, destination) && !cut(m, destination, source)

/** A failed invariant: the property run stops and reports it. */
export class InvariantError extends Error {
  override name = 'InvariantError'
}

/**
 * Reads the ledger after a step and checks it: conservation (see `checkConservation`), the pause
 * and isolation flags and locked totals the model expects, and — when `allowed` is given — that
 * new deliveries happened only on lanes open at the time of the step.
 */
export async function checkStep(
  m: Model,
  r: Real,
  step: string,
  allowed?: (source: string, destination: string) => boolean,
): Promise<ConservationResult> {
  r.report.steps++
  const ledger = await readLedgerPatiently(r.network)
  const result = checkConservation(ledger)
  const problems = [...result.problems]
  for (const name of DOMAINS) {
    const c = ledger.channels[name]!
    if (c.isolated !== m.isolated[name])
      problems.push(`${name}: isolated ${c.isolated}, model ${m.isolated[name]}`)
    if (c.locked !== m.locked[name]) problems.push(`${name}: locked ${c.locked}, model ${m.locked[name]}`)
    for (const peer of DOMAINS) {
      if (peer === name) continue
      if (c.paused[peer] !== cut(m, name, peer))
        problems.push(`${name}: lane to ${peer} paused ${c.paused[peer]}, model ${cut(m, name, peer)}`)
    }
  }
  r.stats.delivered = (r.stats.delivered ?? 0) + ledger.deliveries.length - r.last.deliveries.length
  if (allowed) {
    const before = new Set(r.last.deliveries.map(keyOf))
    for (const d of ledger.deliveries)
      if (!before.has(keyOf(d)) && !allowed(d.source, d.destination))
        problems.push(`message ${keyOf(d)} delivered on a cut lane`)
  }
  r.last = ledger
  if (problems.length > 0) {
    r.report.valueLost += result.valueLost
    r.report.messagesDuplicated += result.duplicates
    throw new InvariantError(`after ${step}: ${problems.join('; ')}`)
  }
  return result
}
