import { amountSchema, parse } from '@caldera/core'
import { z } from 'zod'

const USD = 1_000_000n

/**
 * Jurisdiction packs: the large-value reporting threshold (USD micro-dollars) each applies.
 * US: currency transaction report above 10,000 USD; EU/UK: 10,000 (EUR/GBP, taken at par here);
 * FATF: 15,000 for occasional transactions.
 */
export const jurisdictionPacks = {
  US: { largeValueUsd: 10_000n * USD, report: 'CTR' },
  EU: { largeValueUsd: 10_000n * USD, report: 'large cash transaction report' },
  UK: { largeValueUsd: 10_000n * USD, report: 'large value report' },
  FATF: { largeValueUsd: 15_000n * USD, report: 'occasional transaction CDD' },
} as const
export type Jurisdiction = keyof typeof jurisdictionPacks

const fraction = z.number().min(0).max(1)
const seconds = z
  .number()
  .int()
  .positive()
  .max(10 * 365 * 86_400)

/** Configuration of the AML monitor; every field has a default. */
export const amlConfigSchema = z.object({
  jurisdiction: z.enum(['US', 'EU', 'UK', 'FATF']).default('US'),
  sanctions: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  largeValue: z
    .object({
      enabled: z.boolean().default(true),
      /** Threshold in USD micro-dollars; the jurisdiction pack's when omitted. */
      thresholdUsd: amountSchema.optional(),
    })
    .prefault({}),
  structuring: z
    .object({
      enabled: z.boolean().default(true),
      windowSeconds: seconds.default(86_400),
      /** Transfers at or above `lowerFraction` × threshold and below it count as "just under". */
      lowerFraction: fraction.default(0.8),
      minCount: z.number().int().min(2).max(1000).default(3),
    })
    .prefault({}),
  velocity: z
    .object({
      enabled: z.boolean().default(true),
      windowSeconds: seconds.default(3_600),
      /** More than this many outgoing transfers in the window raise an alert. */
      maxCount: z.number().int().min(1).max(10_000).default(20),
    })
    .prefault({}),
  graph: z
    .object({
      enabled: z.boolean().default(true),
      /** Sliding window of the transaction graph. */
      windowSeconds: seconds.default(3 * 86_400),
      /** Transfers below this value (USD micro-dollars) are ignored by the typologies. */
      minAmountUsd: amountSchema.default(100n * USD),
      /** Relative amount tolerance of "similar amounts" (0.1 = ±10 %). */
      amountTolerance: fraction.default(0.1),
      /** Distinct counterparties with similar amounts for fan-in / fan-out. */
      fanDegree: z.number().int().min(2).max(1000).default(5),
      /** Cycle length bounds, in hops. */
      cycleMinHops: z.number().int().min(2).max(6).default(3),
      cycleMaxHops: z.number().int().min(2).max(6).default(6),
      /** Intermediaries between one source and one sink for scatter-gather. */
      scatterGatherMin: z.number().int().min(2).max(1000).default(4),
      /** Sources and sinks on each side of a gather-scatter hub. */
      gatherScatterMin: z.number().int().min(2).max(1000).default(5),
      /** Sources and targets of a bipartite pattern, and width of each layer of a stack. */
      bipartiteMin: z.number().int().min(2).max(100).default(3),
      /** Hops of a peel chain, and the kept ratio per hop. */
      peelMinHops: z.number().int().min(2).max(20).default(4),
      peelMinRatio: fraction.default(0.6),
      peelMaxRatio: fraction.default(0.95),
      /** Rapid pass-through: forwarded within this many seconds, keeping at least this ratio. */
      passThroughSeconds: seconds.default(600),
      passThroughMinRatio: fraction.default(0.95),
      /**
       * The typology checks look at most at this many of an account's latest edges in each
       * direction, which bounds the work per transaction for hub accounts.
       */
      maxEdgesPerAccount: z.number().int().min(16).max(1_000_000).default(1_000),
      /** Mule accounts in a row that must pass the funds on that fast. */
      passThroughMinAccounts: z.number().int().min(1).max(8).default(2),
    })
    .prefault({}),
  /** Append a checkpoint to the audit log every this many transactions (0: never). */
  auditCheckpointEvery: z.number().int().min(0).default(100_000),
})
export type AmlConfigInput = z.input<typeof amlConfigSchema>
export type AmlConfig = z.output<typeof amlConfigSchema>

/**
 * Validates an AML monitor configuration and fills in the defaults.
 *
 * @example
 * import { resolveAmlConfig } from '@caldera/compliance'
 * const config = resolveAmlConfig({ jurisdiction: 'EU', velocity: { maxCount: 50 } })
 */
export function resolveAmlConfig(input: AmlConfigInput = {}): AmlConfig {
  return parse(amlConfigSchema, input, 'AML monitor config')
}
