import { parse } from '@caldera/core'
import { z } from 'zod'

const USD = 1_000_000n

/**
 * Travel rule thresholds per jurisdiction, in USD micro-dollars: at or above the threshold the
 * originator and beneficiary information must travel with the transfer.
 * FATF Recommendation 16: USD/EUR 1,000; US (31 CFR 1010.410(f)): 3,000 USD; EU (Regulation
 * (EU) 2023/1113): every crypto-asset transfer, from the first unit.
 */
export const travelRuleThresholds = {
  FATF: { thresholdUsd: 1_000n * USD, source: 'FATF Recommendation 16 (USD/EUR 1,000)' },
  US: { thresholdUsd: 3_000n * USD, source: '31 CFR 1010.410(f) (3,000 USD)' },
  EU: { thresholdUsd: 0n, source: 'Regulation (EU) 2023/1113 (no threshold)' },
} as const
export type TravelRuleJurisdiction = keyof typeof travelRuleThresholds

/**
 * Decides whether the travel rule applies to a transfer.
 *
 * @param parameters - `jurisdiction` (`FATF`, `US`, `EU`) and the transfer value `usd` in micro-dollars.
 * @returns `required`, the threshold applied and a reason sentence.
 *
 * @example
 * import { travelRuleApplies } from '@caldera/compliance'
 * travelRuleApplies({ jurisdiction: 'US', usd: 2_500_000000n }).required // false
 * travelRuleApplies({ jurisdiction: 'EU', usd: 1n }).required // true
 */
export function travelRuleApplies(parameters: { jurisdiction: TravelRuleJurisdiction; usd: bigint }): {
  required: boolean
  thresholdUsd: bigint
  reason: string
} {
  const { jurisdiction, usd } = parse(
    z.object({ jurisdiction: z.enum(['FATF', 'US', 'EU']), usd: z.bigint().nonnegative() }),
    parameters,
    'travel rule check',
  )
  const rule = travelRuleThresholds[jurisdiction]
  const required = rule.thresholdUsd === 0n ? usd > 0n : usd >= rule.thresholdUsd
  return {
    required,
    thresholdUsd: rule.thresholdUsd,
    reason: required
      ? `Travel rule applies under ${rule.source}: send the IVMS101 originator and beneficiary data.`
      : `Below the ${jurisdiction} travel rule threshold (${rule.source}).`,
  }
}
