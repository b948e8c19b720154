import { check, inputSchemas } from '../internal/inputs.js'
import { type Detector, dollars } from './types.js'

export type OutlierDetectorParameters = {
  /** Admitted transfers a domain needs before its baseline is trusted. */
  minSamples: number
  /** Standard deviations of log-value above the baseline mean that trip. */
  zScore: number
  /** Micro-dollars below which a transfer is never an outlier. */
  minUsd: bigint
  /** Transfers over which the baseline forgets (exponential weighting). */
  halfLife: number
}

type Baseline = { n: number; mean: number; variance: number }

/**
 * Trips on a transfer whose log-value lies more than `zScore` standard deviations above the
 * domain's own exponentially weighted baseline of admitted transfers (and above `minUsd`).
 * Working on logarithms keeps heavy-tailed payment sizes well behaved.
 *
 * @example
 * import { createOutlierDetector } from '@caldera/circuit-breaker'
 * import { parseUsd } from '@caldera/core'
 * const outlier = createOutlierDetector({ minSamples: 500, zScore: 8, minUsd: parseUsd('250000'), halfLife: 20000 })
 */
export function createOutlierDetector(parameters: OutlierDetectorParameters): Detector {
  check(inputSchemas.outlier, parameters, 'outlier detector parameters')
  const { minSamples, zScore } = parameters
  const minUsd = Number(parameters.minUsd)
  const alphaFloor = 1 - 0.5 ** (1 / parameters.halfLife)
  const baselines = new Map<string, Baseline>()
  return {
    name: 'outlier',
    check(event, usd) {
      if (usd < minUsd) return undefined
      const b = baselines.get(event.domain)
      if (!b || b.n < minSamples) return undefined
      const sd = Math.sqrt(b.variance)
      const z = (Math.log1p(usd) - b.mean) / Math.max(sd, 1e-9)
      if (z > zScore)
        return `transfer of ${dollars(usd)} is ${z.toFixed(1)} standard deviations above domain ${event.domain}'s baseline (typical ${dollars(Math.round(Math.expm1(b.mean)))}); limit ${zScore}`
      return undefined
    },
    commit(event, usd) {
      let b = baselines.get(event.domain)
      if (!b) {
        b = { n: 0, mean: 0, variance: 0 }
        baselines.set(event.domain, b)
      }
      const x = Math.log1p(usd)
      b.n++
      const alpha = Math.max(1 / b.n, alphaFloor)
      const diff = x - b.mean
      const incr = alpha * diff
      b.mean += incr
      b.variance = (1 - alpha) * (b.variance + diff * incr)
    },
  }
}
