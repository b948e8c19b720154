import type { Tier } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import { type BreakerPolicy, resolvePolicy, type TierPolicy } from '../policy/policy.js'
import { createOutlierDetector } from './outlier.js'
import { createRollingNotionalDetector } from './rollingNotional.js'
import { createSingleTransferDetector } from './singleTransfer.js'
import { createTokenBucketDetector } from './tokenBucket.js'
import type { Detector, DetectorEvent, DetectorName } from './types.js'
import { usdToNumber } from './types.js'
import { createVelocityDetector } from './velocity.js'

/** A detector that fired on an event. */
export type Trip = {
  readonly domain: string
  readonly detector: DetectorName
  /** Position of the event in the stream the pipeline saw (0-based). */
  readonly index: number
  readonly reason: string
  readonly event: DetectorEvent
}

/** Every detector of a tier, run in order; an event is admitted only when none trips. */
export type DetectorPipeline = {
  /** Runs the detectors on one event; returns the trip, or `undefined` when admitted (and counted). */
  observe(event: DetectorEvent): Trip | undefined
  /** Events seen so far. */
  readonly count: number
}

/**
 * Builds the detectors of one tier's policy, in the order the pipeline runs them.
 *
 * @example
 * import { createTierDetectors, resolvePolicy } from '@caldera/circuit-breaker'
 * const detectors = createTierDetectors(resolvePolicy().tiers.light)
 * detectors.map((d) => d.name) // ['singleTransfer', 'rollingLane', 'rollingDomain', 'tokenBucket', 'velocity', 'outlier']
 */
export function createTierDetectors(policy: TierPolicy): Detector[] {
  check(inputSchemas.tierPolicy, policy, 'tier policy')
  const detectors: Detector[] = [
    createSingleTransferDetector({ thresholdUsd: policy.singleTransferUsd }),
    createRollingNotionalDetector({
      scope: 'lane',
      windowSeconds: policy.rolling.windowSeconds,
      limitUsd: policy.rolling.laneLimitUsd,
    }),
    createRollingNotionalDetector({
      scope: 'domain',
      windowSeconds: policy.rolling.windowSeconds,
      limitUsd: policy.rolling.domainLimitUsd,
    }),
    createTokenBucketDetector(policy.tokenBucket),
    createVelocityDetector(policy.velocity),
  ]
  if (policy.outlier) detectors.push(createOutlierDetector(policy.outlier))
  return detectors
}

export type CreateDetectorPipelineParameters = {
  /** A resolved policy (see `resolvePolicy`); defaults apply when omitted. */
  policy?: BreakerPolicy
}

/**
 * Creates the streaming detector pipeline: per event, the detectors of the event's domain's
 * tier check it; the first that fires returns a {@link Trip} and the event is not counted,
 * otherwise every detector counts it. No allocation per admitted event.
 *
 * @example
 * import { createDetectorPipeline, resolvePolicy } from '@caldera/circuit-breaker'
 * const pipeline = createDetectorPipeline({ policy: resolvePolicy() })
 * const trip = pipeline.observe({ domain: 'light', from: '0xabc', usd: 1_500_000_000_000n, timestamp: 1 })
 * trip?.detector // 'singleTransfer'
 */
export function createDetectorPipeline(parameters: CreateDetectorPipelineParameters = {}): DetectorPipeline {
  check(inputSchemas.pipeline, parameters, 'detector pipeline parameters')
  const policy = parameters.policy ?? resolvePolicy()
  const byTier = new Map<Tier, Detector[]>()
  for (const tier of Object.keys(policy.tiers) as Tier[])
    byTier.set(tier, createTierDetectors(policy.tiers[tier]))
  const byDomain = new Map<string, Detector[]>()
  const detectorsOf = (domain: string): Detector[] => {
    let list = byDomain.get(domain)
    if (!list) {
      list = byTier.get(policy.domains[domain] ?? policy.defaultTier)!
      byDomain.set(domain, list)
    }
    return list
  }
  let count = 0
  return {
    get count() {
      return count
    },
    observe(event) {
      const index = count++
      const detectors = detectorsOf(event.domain)
      const usd = usdToNumber(event.usd)
      const n = detectors.length
      for (let i = 0; i < n; i++) {
        const d = detectors[i]!
        const reason = d.check(event, usd)
        if (reason !== undefined) return { domain: event.domain, detector: d.name, index, reason, event }
      }
      for (let i = 0; i < n; i++) detectors[i]!.commit(event, usd)
      return undefined
    },
  }
}
