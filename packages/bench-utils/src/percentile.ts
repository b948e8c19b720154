/** Percentile `p` (0–100) of `values` by linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)
}

export type Summary = {
  n: number
  min: number
  p50: number
  p90: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** Count, min, p50, p90, p95, p99, max and mean of a sample. */
export function summarize(values: readonly number[]): Summary {
  const n = values.length
  return {
    n,
    min: Math.min(...values),
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / Math.max(1, n),
  }
}
