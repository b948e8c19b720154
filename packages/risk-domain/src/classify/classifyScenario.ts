import { formatUsd, parse, parseUsd, type Tier } from '@caldera/core'
import { type ScenarioDescriptorInput, scenarioDescriptorSchema } from './scenarioDescriptor.js'

/** A reason that placed a scenario in a tier. */
export type ClassificationReason = {
  /** The tier this reason requires (at least). */
  tier: Tier
  /** The descriptor field that triggered it. */
  field: string
  /** One sentence: what was given and which threshold it reached. */
  message: string
}

export type ClassifyScenarioReturnType = {
  tier: Tier
  /** Every rule that fired, the strongest first; one `light` reason when none did. */
  reasons: ClassificationReason[]
}

/** Thresholds of the classification, in micro-dollars. */
export const classificationThresholds = Object.freeze({
  financialValueAtRiskUsd: parseUsd('10000000'),
  financialTypicalTxUsd: parseUsd('100000'),
  financialDailyVolumeUsd: parseUsd('50000000'),
  enterpriseValueAtRiskUsd: parseUsd('100000'),
  enterpriseTypicalTxUsd: parseUsd('1000'),
  enterpriseDailyVolumeUsd: parseUsd('1000000'),
})

/**
 * Maps a scenario description to the tier whose security it needs, with the reasons. Pure and
 * deterministic; raising any risk factor never lowers the tier.
 *
 * - financial: custody of user funds, a regulated activity, ≥ $10M at risk, typical
 *   transactions ≥ $100k or ≥ $50M a day;
 * - enterprise: sensitive business or personal data, ≥ $100k at risk, typical transactions
 *   ≥ $1k or ≥ $1M a day;
 * - light: everything else.
 *
 * @param descriptor - The scenario (validated; throws `ValidationError` naming bad fields).
 * @returns The tier and every reason that fired.
 *
 * @example
 * import { classifyScenario } from '@caldera/risk-domain'
 * import { parseUsd } from '@caldera/core'
 * const { tier, reasons } = classifyScenario({
 *   valueAtRiskUsd: parseUsd('250000000'),
 *   custodyOfUserFunds: true,
 *   txPerDay: 20_000,
 *   typicalTxValueUsd: parseUsd('5000'),
 * })
 * // tier === 'financial'
 */
export function classifyScenario(descriptor: ScenarioDescriptorInput): ClassifyScenarioReturnType {
  const d = parse(scenarioDescriptorSchema, descriptor, 'scenario descriptor')
  const t = classificationThresholds
  const daily = BigInt(d.txPerDay) * d.typicalTxValueUsd
  const usd = (v: bigint) => `$${formatUsd(v)}`
  const reasons: ClassificationReason[] = []
  const add = (tier: Tier, field: string, message: string) => reasons.push({ tier, field, message })

  if (d.custodyOfUserFunds) add('financial', 'custodyOfUserFunds', 'The domain holds user funds in custody.')
  if (d.regulatedActivity) add('financial', 'regulatedActivity', 'The activity is regulated.')
  if (d.valueAtRiskUsd >= t.financialValueAtRiskUsd)
    add(
      'financial',
      'valueAtRiskUsd',
      `${usd(d.valueAtRiskUsd)} at risk (≥ ${usd(t.financialValueAtRiskUsd)}).`,
    )
  else if (d.valueAtRiskUsd >= t.enterpriseValueAtRiskUsd)
    add(
      'enterprise',
      'valueAtRiskUsd',
      `${usd(d.valueAtRiskUsd)} at risk (≥ ${usd(t.enterpriseValueAtRiskUsd)}).`,
    )
  if (d.typicalTxValueUsd >= t.financialTypicalTxUsd)
    add(
      'financial',
      'typicalTxValueUsd',
      `Typical transaction ${usd(d.typicalTxValueUsd)} (≥ ${usd(t.financialTypicalTxUsd)}).`,
    )
  else if (d.typicalTxValueUsd >= t.enterpriseTypicalTxUsd)
    add(
      'enterprise',
      'typicalTxValueUsd',
      `Typical transaction ${usd(d.typicalTxValueUsd)} (≥ ${usd(t.enterpriseTypicalTxUsd)}).`,
    )
  if (daily >= t.financialDailyVolumeUsd)
    add('financial', 'txPerDay', `${usd(daily)} a day (≥ ${usd(t.financialDailyVolumeUsd)}).`)
  else if (daily >= t.enterpriseDailyVolumeUsd)
    add('enterprise', 'txPerDay', `${usd(daily)} a day (≥ ${usd(t.enterpriseDailyVolumeUsd)}).`)
  if (d.sensitiveData !== 'none')
    add('enterprise', 'sensitiveData', `Processes sensitive ${d.sensitiveData} data.`)

  const tier: Tier = reasons.some((r) => r.tier === 'financial')
    ? 'financial'
    : reasons.length > 0
      ? 'enterprise'
      : 'light'
  if (reasons.length === 0)
    add('light', 'valueAtRiskUsd', 'No risk factor reaches the enterprise thresholds.')
  reasons.sort((a, b) => rank(b.tier) - rank(a.tier))
  return { tier, reasons }
}

function rank(tier: Tier): number {
  return tier === 'financial' ? 2 : tier === 'enterprise' ? 1 : 0
}
