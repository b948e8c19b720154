import type { TrackedBlock } from '../metrics/blockTracker.js'

/**
 * Breaker trip latency: from the moment the anomalous transaction's block was first seen (by the
 * sandbox's block tracker or by the watcher's trip, whichever came first) to the moment the
 * anomalous domain was isolated on every chain. `undefined` when there was no trip.
 */
export function tripLatencyMs({
  exploitHash,
  trippedAt,
  isolatedAt,
  blocks,
}: {
  exploitHash?: string
  trippedAt?: number
  isolatedAt?: number
  /** Blocks of the exploited domain's chain. */
  blocks?: ReadonlyMap<number, TrackedBlock>
}): number | undefined {
  if (isolatedAt === undefined || trippedAt === undefined) return undefined
  let seen = trippedAt
  if (exploitHash && blocks)
    for (const b of blocks.values()) if (b.txHashes.includes(exploitHash)) seen = Math.min(seen, b.observedAt)
  return Math.round(isolatedAt - seen)
}

/**
 * The unaffected domains' included rate in the `windowMs` after a trip over their rate in the
 * `windowMs` before it (only the load's own transactions count; the window shrinks to fit the
 * load). 1 means the isolation did not slow the domains it protects.
 */
export function unaffectedThroughputRatio({
  trippedAt,
  loadEnd,
  domains,
  windowMs = 5_000,
}: {
  trippedAt: number
  /** Wall-clock ms the load's last transaction was sent. */
  loadEnd: number
  domains: readonly { blocks: ReadonlyMap<number, TrackedBlock>; ours: ReadonlySet<string> }[]
  windowMs?: number
}): number | undefined {
  const w = Math.min(windowMs, loadEnd - trippedAt)
  if (!(w > 500)) return undefined
  let before = 0
  let after = 0
  for (const d of domains) {
    for (const b of d.blocks.values()) {
      const dt = b.observedAt - trippedAt
      if (dt < -w || dt >= w) continue
      let n = 0
      for (const h of b.txHashes) if (d.ours.has(h)) n++
      if (dt < 0) before += n
      else after += n
    }
  }
  if (before === 0) return undefined
  return Math.round((after / before) * 1000) / 1000
}
