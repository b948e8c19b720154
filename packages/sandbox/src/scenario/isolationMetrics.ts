import { check, inputSchemas } from '../internal/inputs.js'
import type { TrackedBlock } from '../metrics/blockTracker.js'

/**
 * Breaker trip latency: from the moment the anomalous transaction's block was first seen (by the
 * sandbox's block tracker or by the watcher's trip, whichever came first) to the moment the
 * anomalous domain was isolated on every chain. `undefined` when there was no trip.
 */
export function tripLatencyMs(options: {
  exploitHash?: string
  trippedAt?: number
  isolatedAt?: number
  /** Blocks of the exploited domain's chain. */
  blocks?: ReadonlyMap<number, TrackedBlock>
}): number | undefined {
  check(inputSchemas.tripLatency, options, 'tripLatencyMs options')
  const { exploitHash, trippedAt, isolatedAt, blocks } = options
  if (isolatedAt === undefined || trippedAt === undefined) return undefined
  let seen = trippedAt
  if (exploitHash && blocks)
    for (const b of blocks.values()) if (b.txHashes.includes(exploitHash)) seen = Math.min(seen, b.observedAt)
  return Math.round(isolatedAt - seen)
}

/**
 * The unaffected domains' included rate while the anomalous domain is cut off (from the trip to
 * the end of the load) over their rate before the trip (from `warmupMs` after the start of the
 * load). Only the load's own transactions count. 1 means the isolation did not slow the domains
 * it protects; whole periods rather than short windows keep block-to-block bursts out of it.
 */
export function unaffectedThroughputRatio(options: {
  trippedAt: number
  /** Wall-clock ms the load started. */
  loadStart: number
  /** Wall-clock ms the load's last transaction was sent. */
  loadEnd: number
  domains: readonly { blocks: ReadonlyMap<number, TrackedBlock>; ours: ReadonlySet<string> }[]
  warmupMs?: number
}): number | undefined {
  check(inputSchemas.unaffected, options, 'unaffectedThroughputRatio options')
  const { trippedAt, loadStart, loadEnd, domains, warmupMs = 2_000 } = options
  const from = loadStart + warmupMs
  if (!(trippedAt - from > 500 && loadEnd - trippedAt > 500)) return undefined
  let before = 0
  let after = 0
  for (const d of domains) {
    for (const b of d.blocks.values()) {
      if (b.observedAt < from || b.observedAt > loadEnd) continue
      let n = 0
      for (const h of b.txHashes) if (d.ours.has(h)) n++
      if (b.observedAt < trippedAt) before += n
      else after += n
    }
  }
  if (before === 0) return undefined
  const rateBefore = before / (trippedAt - from)
  const rateAfter = after / (loadEnd - trippedAt)
  return Math.round((rateAfter / rateBefore) * 1000) / 1000
}
