import { parse, type Tier, tierSchema, tiers } from '@caldera/core'
import { z } from 'zod'
import { policyUsdSchema } from './usdSchema.js'

const seconds = z
  .number()
  .positive()
  .max(366 * 24 * 3600)

/** Limits of one tier. USD inputs are dollars (number or decimal string) or micro-dollar bigints. */
export const tierPolicySchema = z.object({
  /** A single transfer above this trips (default 1,000,000 USD). */
  singleTransferUsd: policyUsdSchema,
  rolling: z.object({
    windowSeconds: seconds,
    /** Notional a domain may send per window. */
    domainLimitUsd: policyUsdSchema,
    /** Notional one lane (domain → peer) may carry per window; bounded by the weaker side's stake. */
    laneLimitUsd: policyUsdSchema,
  }),
  tokenBucket: z.object({ capacityUsd: policyUsdSchema, refillUsdPerSecond: policyUsdSchema }),
  velocity: z.object({ windowSeconds: seconds, maxTransfers: z.number().int().min(1).max(1_000_000) }),
  outlier: z
    .object({
      minSamples: z.number().int().min(1),
      zScore: z.number().positive().max(100),
      minUsd: policyUsdSchema,
      halfLife: z.number().positive(),
    })
    .nullable(),
  halfOpen: z.object({
    /** Seconds without a trip, after the held queue drained, before the breaker closes. */
    probationSeconds: z
      .number()
      .min(0)
      .max(30 * 24 * 3600),
    /** Micro-dollars per second paid out of the held queue (first in, first out). */
    drainUsdPerSecond: policyUsdSchema,
  }),
  /** When the watcher cannot see this domain's chain, treat it as tripped (isolate it). */
  failClosed: z.boolean(),
})
export type TierPolicy = z.output<typeof tierPolicySchema>
export type TierPolicyInput = z.input<typeof tierPolicySchema>

type DeepPartial<T> = T extends bigint | number | string | boolean | null
  ? T
  : { [K in keyof T]?: DeepPartial<T[K]> | undefined }

/** Default limits per tier (dollars). */
export const defaultTierPolicies: Readonly<Record<Tier, TierPolicyInput>> = {
  financial: {
    singleTransferUsd: 1_000_000,
    rolling: { windowSeconds: 3600, domainLimitUsd: 50_000_000, laneLimitUsd: 20_000_000 },
    tokenBucket: { capacityUsd: 10_000_000, refillUsdPerSecond: 5_000 },
    velocity: { windowSeconds: 60, maxTransfers: 120 },
    outlier: { minSamples: 1_000, zScore: 8, minUsd: 250_000, halfLife: 50_000 },
    halfOpen: { probationSeconds: 600, drainUsdPerSecond: 5_000 },
    failClosed: true,
  },
  enterprise: {
    singleTransferUsd: 1_000_000,
    rolling: { windowSeconds: 3600, domainLimitUsd: 20_000_000, laneLimitUsd: 5_000_000 },
    tokenBucket: { capacityUsd: 5_000_000, refillUsdPerSecond: 1_500 },
    velocity: { windowSeconds: 60, maxTransfers: 60 },
    outlier: { minSamples: 1_000, zScore: 8, minUsd: 250_000, halfLife: 50_000 },
    halfOpen: { probationSeconds: 600, drainUsdPerSecond: 1_500 },
    failClosed: false,
  },
  light: {
    singleTransferUsd: 1_000_000,
    rolling: { windowSeconds: 3600, domainLimitUsd: 2_000_000, laneLimitUsd: 1_000_000 },
    tokenBucket: { capacityUsd: 1_000_000, refillUsdPerSecond: 300 },
    velocity: { windowSeconds: 60, maxTransfers: 30 },
    outlier: { minSamples: 1_000, zScore: 8, minUsd: 100_000, halfLife: 50_000 },
    halfOpen: { probationSeconds: 600, drainUsdPerSecond: 300 },
    failClosed: false,
  },
}

const policyInputSchema = z.object({
  /** Per-tier overrides, merged field by field over {@link defaultTierPolicies}. */
  tiers: z.partialRecord(tierSchema, z.unknown()).optional(),
  /** Tier of each domain by name; a domain named like a tier gets that tier by default. */
  domains: z.record(z.string().min(1).max(64), tierSchema).optional(),
  /** Tier of a domain not listed in `domains` (default `light`, the strictest limits). */
  defaultTier: tierSchema.optional(),
  /** USD price of one ERA, used to bound lane limits by stake (dollars; default 4). */
  eraUsd: policyUsdSchema.optional(),
})

/** A resolved breaker policy: limits for every tier and the tier of every known domain. */
export type BreakerPolicy = {
  readonly tiers: Readonly<Record<Tier, TierPolicy>>
  readonly domains: Readonly<Record<string, Tier>>
  readonly defaultTier: Tier
  /** Micro-dollars per ERA. */
  readonly eraUsd: bigint
}

/** What {@link resolvePolicy} accepts (e.g. the contents of a policy JSON file). */
export type BreakerPolicyInput = {
  tiers?: Partial<Record<Tier, DeepPartial<TierPolicyInput>>>
  domains?: Record<string, Tier>
  defaultTier?: Tier
  eraUsd?: bigint | number | string
}

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base
  if (
    patch === null ||
    typeof patch !== 'object' ||
    Array.isArray(patch) ||
    base === null ||
    typeof base !== 'object'
  )
    return patch
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(patch)) out[key] = merge(out[key], value)
  return out
}

/**
 * Validates a policy (partial overrides merged over the tier defaults) and returns it resolved.
 * Throws a `ValidationError` naming every bad field.
 *
 * @example
 * import { resolvePolicy } from '@caldera/circuit-breaker'
 * const policy = resolvePolicy({ tiers: { light: { singleTransferUsd: 500_000 } }, domains: { games: 'light' } })
 * policy.tiers.light.singleTransferUsd // 500000000000n
 */
export function resolvePolicy(input: BreakerPolicyInput | unknown = {}): BreakerPolicy {
  const parsed = parse(policyInputSchema, input, 'breaker policy')
  const resolved = {} as Record<Tier, TierPolicy>
  for (const tier of tiers) {
    const merged = merge(defaultTierPolicies[tier], parsed.tiers?.[tier])
    resolved[tier] = parse(tierPolicySchema, merged, `breaker policy (tier ${tier})`)
  }
  const domains: Record<string, Tier> = { financial: 'financial', enterprise: 'enterprise', light: 'light' }
  Object.assign(domains, parsed.domains ?? {})
  return {
    tiers: resolved,
    domains,
    defaultTier: parsed.defaultTier ?? 'light',
    eraUsd: parsed.eraUsd ?? 4_000_000n,
  }
}

const domainTiersSchema = z.object({ domains: z.record(z.string(), tierSchema), defaultTier: tierSchema })

/**
 * The tier a policy assigns to a domain.
 *
 * @example
 * tierOfDomain(resolvePolicy(), 'financial') // 'financial'
 */
export function tierOfDomain(policy: BreakerPolicy, domain: string): Tier {
  const p = policy as Partial<BreakerPolicy> | null
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof p.domains !== 'object' ||
    p.domains === null ||
    !tiers.includes(p.defaultTier as Tier)
  )
    parse(domainTiersSchema, policy, 'breaker policy')
  if (typeof domain !== 'string') parse(z.string(), domain, 'domain')
  // Own keys only: a domain named `toString` or `__proto__` gets the default tier.
  return Object.hasOwn(policy.domains, domain) ? (policy.domains[domain] as Tier) : policy.defaultTier
}
