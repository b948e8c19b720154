import { check, inputSchemas } from '../internal/inputs.js'
/** p50 / p90 / p99 (and count, mean, max) of a sample; zeros for an empty sample. */
export type Percentiles = { n: number; p50: number; p90: number; p99: number; max: number; mean: number }

/** Percentile `p` (0–100) by linear interpolation between closest ranks of a sorted sample. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)
}

/**
 * Summarizes a sample as count, p50, p90, p99, max and mean (rounded to 0.1).
 *
 * @example
 * import { percentiles } from '@caldera/sandbox'
 * percentiles([5, 1, 3]).p50 // 3
 */
export function percentiles(values: readonly number[]): Percentiles {
  check(inputSchemas.numbers, values, 'values')
  const sorted = [...values].sort((a, b) => a - b)
  const round = (x: number) => Math.round(x * 10) / 10
  return {
    n: sorted.length,
    p50: round(percentileOfSorted(sorted, 50)),
    p90: round(percentileOfSorted(sorted, 90)),
    p99: round(percentileOfSorted(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  }
}
