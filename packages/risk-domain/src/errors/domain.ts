import { CalderaError, type Tier } from '@caldera/core'

/** One profile field set below the tier's minimum by an override. */
export type ProfileWeakening = {
  /** The profile field, e.g. `minValidators`. */
  field: string
  /** The tier preset's value (the minimum). */
  minimum: string
  /** The value the override asked for. */
  given: string
}

/**
 * Thrown by `defineDomain` when an override weakens the tier's security profile (fewer
 * validators, less stake, a weaker proof system, a lower quorum, …) without
 * `allowBelowTierMinimum: true`.
 *
 * @example
 * import { BelowTierMinimumError } from '@caldera/risk-domain'
 * if (error instanceof BelowTierMinimumError) console.log(error.fields) // ['minValidators']
 */
export class BelowTierMinimumError extends CalderaError {
  override name = 'BelowTierMinimumError'
  readonly tier: Tier
  readonly weakenings: ProfileWeakening[]
  readonly fields: string[]

  constructor({ tier, weakenings }: { tier: Tier; weakenings: ProfileWeakening[] }) {
    const fields = weakenings.map((w) => w.field)
    super(`Override below the ${tier} tier minimum: ${fields.join(', ')}.`, {
      metaMessages: weakenings.map(
        (w) => `- ${w.field}: ${w.given} given, the ${tier} minimum is ${w.minimum}`,
      ),
      hint: `Keep the ${tier} preset values (or stronger), or pass allowBelowTierMinimum: true to accept a weaker profile on purpose.`,
    })
    this.tier = tier
    this.weakenings = weakenings
    this.fields = fields
  }
}
