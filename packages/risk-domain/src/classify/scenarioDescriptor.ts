import { amountSchema } from '@caldera/core'
import { z } from 'zod'

/** How sensitive the data a scenario processes is, from the least to the most sensitive. */
export const dataSensitivities = ['none', 'business', 'personal'] as const
export type DataSensitivity = (typeof dataSensitivities)[number]

/**
 * A scenario as a domain owner describes it. USD values are bigint micro-dollars (6 decimals,
 * `parseUsd('1000000')`); integers and integer strings are accepted too.
 */
export const scenarioDescriptorSchema = z.object({
  /** Total value the domain can lose at once (TVL, escrowed funds), in micro-dollars. */
  valueAtRiskUsd: amountSchema,
  /** The domain's contracts hold users' funds. */
  custodyOfUserFunds: z.boolean().default(false),
  /** The activity is regulated (payments, securities, lending, e-money). */
  regulatedActivity: z.boolean().default(false),
  /** The most sensitive data processed: none, business secrets, or personal data. */
  sensitiveData: z.enum(dataSensitivities).default('none'),
  /** Expected transactions per day. */
  txPerDay: z.number().int().nonnegative().max(1e12),
  /** A typical transaction's value, in micro-dollars. */
  typicalTxValueUsd: amountSchema,
})
export type ScenarioDescriptor = z.infer<typeof scenarioDescriptorSchema>
export type ScenarioDescriptorInput = z.input<typeof scenarioDescriptorSchema>
