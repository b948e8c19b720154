import { createDetectorPipeline, type Trip } from '../detectors/pipeline.js'
import type { DetectorEvent } from '../detectors/types.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { type BreakerPolicy, resolvePolicy, tierOfDomain } from '../policy/policy.js'
import { type Breaker, createBreaker, type HeldItem } from './breaker.js'

/** A held event in a breaker's queue. */
export type HeldEvent = HeldItem & { readonly event: DetectorEvent; readonly index: number }

/** What happened to an observed event. */
export type ObserveResult =
  | { readonly action: 'pass' }
  | { readonly action: 'held'; readonly domain: string }
  | { readonly action: 'tripped'; readonly trip: Trip }

const PASS: ObserveResult = Object.freeze({ action: 'pass' })

/** Detectors plus one breaker per domain. */
export type CircuitBreaker = {
  readonly policy: BreakerPolicy
  /** Runs an event through its domain's breaker and detectors. */
  observe(event: DetectorEvent): ObserveResult
  /** The breaker of a domain (created closed on first use). */
  breaker(domain: string): Breaker<HeldEvent>
  /** Every breaker created so far. */
  breakers(): Breaker<HeldEvent>[]
  /** Every trip so far, in order. */
  readonly trips: readonly Trip[]
}

export type CreateCircuitBreakerParameters = {
  policy?: BreakerPolicy
  /** Called on every trip that opens a breaker. */
  onTrip?: (trip: Trip) => void
}

/**
 * Creates the off-chain circuit breaker: every event goes through its domain's breaker (held
 * while the domain is open or half-open) and the detectors of its tier; a trip opens the
 * breaker and is reported.
 *
 * @example
 * import { createCircuitBreaker } from '@caldera/circuit-breaker'
 * const cb = createCircuitBreaker({ onTrip: (trip) => console.log(trip.domain, trip.reason) })
 * cb.observe({ domain: 'light', from: '0xabc', usd: 1_500_000_000_000n, timestamp: 1 })
 * cb.breaker('light').state // 'open'
 */
export function createCircuitBreaker(parameters: CreateCircuitBreakerParameters = {}): CircuitBreaker {
  check(inputSchemas.circuitBreaker, parameters, 'circuit breaker parameters')
  const policy = parameters.policy ?? resolvePolicy()
  const pipeline = createDetectorPipeline({ policy })
  const breakers = new Map<string, Breaker<HeldEvent>>()
  const trips: Trip[] = []
  let index = 0
  const breakerOf = (domain: string) => {
    let b = breakers.get(domain)
    if (!b) {
      const tier = tierOfDomain(policy, domain)
      b = createBreaker<HeldEvent>({ domain, tier, policy: policy.tiers[tier] })
      breakers.set(domain, b)
    }
    return b
  }
  return {
    policy,
    trips,
    breaker: breakerOf,
    breakers: () => [...breakers.values()],
    observe(event) {
      const i = index++
      const b = breakerOf(event.domain)
      if (b.state !== 'closed') {
        b.offer({ id: `${event.domain}#${i}`, usd: event.usd, event, index: i })
        return { action: 'held', domain: event.domain }
      }
      const found = pipeline.observe(event)
      if (!found) return PASS
      const trip = { ...found, index: i }
      trips.push(trip)
      b.trip({ at: event.timestamp, reason: trip.reason, by: `detector:${trip.detector}` })
      b.offer({ id: `${event.domain}#${i}`, usd: event.usd, event, index: i })
      parameters.onTrip?.(trip)
      return { action: 'tripped', trip }
    },
  }
}
