import { addressSchema, parse, tierSchema } from '@caldera/core'
import { z } from 'zod'
import { tierPolicySchema } from '../policy/policy.js'

// Schemas of the public boundaries that take plain values (detectors, breaker, prices, policy
// helpers). Each function validates its input with `check` before using it, so a hostile value
// is refused with a ValidationError that names the field instead of a TypeError further in.

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: what })

const micro = z.bigint().nonnegative()
const seconds = z.number().positive().finite()

/** A price of a token in USD (see `TokenPrice`). */
export const tokenPriceSchema = z.object({
  usdPerUnit: z.bigint().positive(),
  decimals: z.number().int().min(0).max(36),
  tokenDecimals: z.number().int().min(0).max(36),
})

/** A policy returned by `resolvePolicy`. */
export const resolvedPolicySchema = z.object({
  tiers: z.object({ financial: tierPolicySchema, enterprise: tierPolicySchema, light: tierPolicySchema }),
  domains: z.record(z.string(), tierSchema),
  defaultTier: tierSchema,
  eraUsd: z.bigint().positive(),
})

export const inputSchemas = {
  tokenBucket: z.object({
    capacityUsd: micro,
    refillUsdPerSecond: micro,
    startTime: z.number().finite().optional(),
    startFull: z.boolean().optional(),
  }),
  outlier: z.object({
    minSamples: z.number().int().nonnegative(),
    zScore: z.number().positive().finite(),
    minUsd: micro,
    halfLife: seconds,
  }),
  rollingNotional: z.object({ scope: z.enum(['domain', 'lane']), windowSeconds: seconds, limitUsd: micro }),
  singleTransfer: z.object({ thresholdUsd: micro.optional() }),
  velocity: z.object({ windowSeconds: seconds, maxTransfers: z.number().int().nonnegative() }),
  tierPolicy: tierPolicySchema,
  pipeline: z.object({ policy: resolvedPolicySchema.optional() }),
  breaker: z.object({ domain: z.string().min(1), tier: tierSchema, policy: tierPolicySchema }),
  circuitBreaker: z.object({
    policy: resolvedPolicySchema.optional(),
    onTrip: fn('a function (trip) => void').optional(),
  }),
  transitionLog: z.array(
    z.object({
      seq: z.number().int().nonnegative(),
      at: z.number().finite(),
      domain: z.string(),
      from: z.enum(['closed', 'open', 'halfOpen']),
      to: z.enum(['closed', 'open', 'halfOpen']),
      reason: z.string(),
      by: z.string(),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  staticPrices: z.object({ prices: z.record(z.string(), z.unknown()) }),
  feedPrices: z.object({
    client: z.looseObject({ request: fn('a viem client') }),
    feeds: z.record(
      z.string().min(1),
      z.object({ feed: addressSchema, tokenDecimals: z.number().int().min(0).max(36) }),
    ),
    cacheMs: z.number().nonnegative().finite().optional(),
  }),
  laneLimits: z.object({
    policy: resolvedPolicySchema,
    domains: z.array(
      z.object({
        name: z.string().min(1),
        tier: tierSchema.optional(),
        profile: z
          .object({ minValidators: z.number().int().nonnegative(), minStakePerValidator: micro })
          .optional(),
      }),
    ),
    eraUsd: z.bigint().positive().optional(),
  }),
  devValidators: z.tuple([z.string().min(1), z.number().int().min(0).max(1_000)]),
  domainName: z.string().min(1),
  amount: micro,
  channelNetwork: z.object({
    domains: z
      .array(z.object({ name: z.string().min(1), tier: tierSchema, walletClient: z.looseObject({}) }))
      .min(1),
    policy: resolvedPolicySchema.optional(),
    tokenPrice: tokenPriceSchema.optional(),
    validators: z.number().int().min(1).max(100).optional(),
    threshold: z.number().int().min(1).max(100).optional(),
    liquidity: micro.optional(),
    verification: z.enum(['attestation', 'tiered']).optional(),
    challengeWindowSeconds: z.number().int().nonnegative().optional(),
  }),
  watcherOptions: z.looseObject({
    domains: z.array(z.unknown()),
    policy: resolvedPolicySchema.optional(),
    prices: z.looseObject({ getPrice: fn('a price source'), toUsd: fn('a price source') }).optional(),
    onTrip: fn('a function').optional(),
    onIsolated: fn('a function').optional(),
    onError: fn('a function').optional(),
    onUnreachable: fn('a function').optional(),
    onReachable: fn('a function').optional(),
    onCaughtUp: fn('a function').optional(),
    probeFailures: z.number().int().min(1).max(1_000).optional(),
    retry: z
      .object({
        attempts: z.number().int().nonnegative().max(1_000_000).optional(),
        delayMs: z.number().nonnegative().finite().optional(),
        maxDelayMs: z.number().nonnegative().finite().optional(),
      })
      .optional(),
    stateDir: z.string().min(1).optional(),
    heartbeatMs: z.number().positive().finite().optional(),
    failClosedAfterMs: z.number().positive().finite().optional(),
    connectTimeoutMs: z.number().positive().finite().optional(),
  }),
  relayerOptions: z.looseObject({
    domains: z
      .array(
        z.looseObject({
          name: z.string().min(1).max(64),
          tier: tierSchema,
          channel: addressSchema,
          client: z.looseObject({}),
          walletClient: z.looseObject({}),
          prove: fn('a prover function').optional(),
          signers: z.array(z.looseObject({ address: addressSchema })).optional(),
          maxBatch: z.number().int().min(1).optional(),
          verification: z.enum(['direct', 'hybrid']).optional(),
        }),
      )
      .min(1),
    queueDir: z.string().min(1),
    batchSize: z.number().int().min(1).optional(),
    pollIntervalMs: z.number().nonnegative().finite().optional(),
    onBatchSent: fn('a function').optional(),
    onDelivered: fn('a function').optional(),
    onError: fn('a function').optional(),
    circuitBreaker: z.looseObject({}).optional(),
    usdOf: fn('a function').optional(),
  }),
  zkBatchProver: z.looseObject({
    artifacts: z.looseObject({
      circuit: z.looseObject({ name: z.string() }),
      wasm: z.instanceof(Uint8Array),
      zkey: z.instanceof(Uint8Array),
    }),
    cap: micro,
    signers: z.array(z.looseObject({ address: addressSchema })).optional(),
  }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}

/** A cheap check of a resolved policy for per-event paths; zod only explains a failure. */
export function checkPolicy(policy: unknown): void {
  const p = policy as { domains?: unknown; tiers?: unknown; defaultTier?: unknown } | null
  if (
    typeof p === 'object' &&
    p !== null &&
    typeof p.domains === 'object' &&
    p.domains !== null &&
    typeof p.tiers === 'object' &&
    p.tiers !== null &&
    (p.defaultTier === 'financial' || p.defaultTier === 'enterprise' || p.defaultTier === 'light')
  )
    return
  parse(resolvedPolicySchema, policy, 'breaker policy')
}

/** A cheap check of an amount and a price for per-event paths; zod only explains a failure. */
export function checkAmountAndPrice(amount: unknown, price: unknown, what: string): void {
  const p = price as { usdPerUnit?: unknown; decimals?: unknown; tokenDecimals?: unknown } | null
  const ok =
    typeof amount === 'bigint' &&
    amount >= 0n &&
    typeof p === 'object' &&
    p !== null &&
    typeof p.usdPerUnit === 'bigint' &&
    p.usdPerUnit > 0n &&
    Number.isInteger(p.decimals) &&
    Number.isInteger(p.tokenDecimals) &&
    (p.decimals as number) >= 0 &&
    (p.decimals as number) <= 36 &&
    (p.tokenDecimals as number) >= 0 &&
    (p.tokenDecimals as number) <= 36
  if (ok) return
  parse(micro, amount, what)
  parse(tokenPriceSchema, price, 'token price')
}
