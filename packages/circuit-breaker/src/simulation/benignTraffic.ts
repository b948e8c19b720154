import { createRandom, parse, type Tier, tierSchema } from '@caldera/core'
import { z } from 'zod'
import type { DetectorEvent } from '../detectors/types.js'

/** How one domain's ordinary traffic looks at normal volume. */
export type TrafficProfile = {
  /** Transfers per hour on average. */
  perHour: number
  /** Median transfer in dollars (log-normal sizes). */
  medianUsd: number
  /** Spread of log-sizes. */
  sigma: number
  /** Share of transfers that are large but normal (uniform between the bounds, in dollars). */
  largeShare: number
  largeUsd: readonly [number, number]
  /** Share of transfers that cross a lane to another domain. */
  crossShare: number
  /** Distinct sending accounts. */
  accounts: number
}

/** Normal traffic per tier: many small payments, occasional large-but-normal ones (below 1M USD). */
export const benignProfiles: Readonly<Record<Tier, TrafficProfile>> = {
  financial: {
    perHour: 60,
    medianUsd: 5_000,
    sigma: 1,
    largeShare: 0.002,
    largeUsd: [100_000, 900_000],
    crossShare: 0.4,
    accounts: 2_000,
  },
  enterprise: {
    perHour: 40,
    medianUsd: 2_000,
    sigma: 1,
    largeShare: 0.002,
    largeUsd: [50_000, 600_000],
    crossShare: 0.4,
    accounts: 2_000,
  },
  light: {
    perHour: 30,
    medianUsd: 100,
    sigma: 1.2,
    largeShare: 0.002,
    largeUsd: [20_000, 300_000],
    crossShare: 0.4,
    accounts: 2_000,
  },
}

export type GenerateBenignTrafficParameters = {
  /** Seed of the stream (same seed, same events). */
  seed: number
  /** Days of traffic. */
  days: number
  /** Volume multiplier over the normal rate (e.g. 10). Default 1. */
  volume?: number
  /** Domains and their tiers (default one domain per tier, named after it). */
  domains?: readonly { name: string; tier: Tier }[]
  /** First timestamp (seconds). Default 1,700,000,000. */
  start?: number
}

/** Bounds keep one call in memory: at most 3,650 day-volumes (e.g. 365 days at 10× volume). */
const generateBenignTrafficSchema = z
  .object({
    seed: z.number().int(),
    days: z.number().positive().max(3_650),
    volume: z.number().positive().max(1_000).optional(),
    domains: z
      .array(z.object({ name: z.string().min(1), tier: tierSchema }))
      .min(1)
      .max(100)
      .optional(),
    start: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 40)
      .optional(),
  })
  .refine((p) => p.days * (p.volume ?? 1) <= 3_650, {
    message: 'days × volume of at most 3,650 (e.g. 365 days at 10× volume)',
    path: ['days'],
  })

/**
 * Generates a seeded, time-ordered stream of ordinary transfers for several domains: Poisson
 * arrivals with a day/night cycle, log-normal sizes, and occasional large-but-normal transfers.
 * Used to check that a policy raises no false trips.
 *
 * @example
 * import { generateBenignTraffic, createDetectorPipeline } from '@caldera/circuit-breaker'
 * const events = generateBenignTraffic({ seed: 7, days: 30, volume: 10 })
 * const pipeline = createDetectorPipeline()
 * const trips = events.filter((e) => pipeline.observe(e)).length // 0
 */
export function generateBenignTraffic(input: GenerateBenignTrafficParameters): DetectorEvent[] {
  const parameters = parse(generateBenignTrafficSchema, input, 'benign traffic parameters')
  const rng = createRandom(parameters.seed)
  const volume = parameters.volume ?? 1
  const start = parameters.start ?? 1_700_000_000
  const end = start + parameters.days * 86_400
  const domains = parameters.domains ?? [
    { name: 'financial', tier: 'financial' as const },
    { name: 'enterprise', tier: 'enterprise' as const },
    { name: 'light', tier: 'light' as const },
  ]
  const streams = domains.map((d, i) => {
    const profile = benignProfiles[d.tier]
    const accounts = Array.from(
      { length: profile.accounts },
      (_, k) => `0x${(i + 1).toString(16).padStart(8, '0')}${k.toString(16).padStart(32, '0')}`,
    )
    return { ...d, profile, accounts, next: start }
  })
  const events: DetectorEvent[] = []
  for (const s of streams) {
    const peers = domains.filter((d) => d.name !== s.name).map((d) => d.name)
    const meanRate = (s.profile.perHour * volume) / 3600
    let t = start
    for (;;) {
      // Thinning: a day/night cycle between 0.5× and 1.5× the mean rate.
      t += rng.exponential(1 / (meanRate * 1.5))
      if (t >= end) break
      const phase = Math.sin((2 * Math.PI * (t - start)) / 86_400)
      if (rng.next() * 1.5 > 1 + 0.5 * phase) continue
      const p = s.profile
      const dollars =
        rng.next() < p.largeShare
          ? p.largeUsd[0] + rng.next() * (p.largeUsd[1] - p.largeUsd[0])
          : Math.min(p.largeUsd[1], rng.logNormal(p.medianUsd, p.sigma))
      const cross = peers.length > 0 && rng.next() < p.crossShare
      events.push({
        domain: s.name,
        toDomain: cross ? rng.pick(peers) : undefined,
        from: rng.pick(s.accounts),
        usd: BigInt(Math.max(1, Math.round(dollars * 1_000_000))),
        timestamp: Math.floor(t),
      })
    }
  }
  return events.sort((a, b) => a.timestamp - b.timestamp)
}
