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

/**
 * Thrown before sending `activateDomain` (and by `assertProfileMet`) when too few validators
 * bond enough ERA for the domain's profile; the on-chain `activate` would revert with
 * `ProfileNotMet`.
 *
 * @example
 * import { ProfileNotMetError } from '@caldera/risk-domain'
 * if (error instanceof ProfileNotMetError) console.log(`${error.qualified} of ${error.required}`)
 */
export class ProfileNotMetError extends CalderaError {
  override name = 'ProfileNotMetError'
  readonly domain: string
  readonly tier: Tier
  readonly qualified: number
  readonly required: number

  constructor({
    domain,
    tier,
    qualified,
    required,
    metaMessages,
  }: { domain: string; tier: Tier; qualified: number; required: number; metaMessages: string[] }) {
    super(
      `Domain ${domain} cannot activate: ${qualified} of ${required} validators meet the ${tier} profile.`,
      {
        metaMessages,
        hint: 'Register more validators or bond more ERA to the under-staked ones, then activate again.',
      },
    )
    this.domain = domain
    this.tier = tier
    this.qualified = qualified
    this.required = required
  }
}

/**
 * Thrown when a domain is not registered in the DomainRegistry, or its status does not allow
 * the requested change.
 *
 * @example
 * import { DomainStatusError } from '@caldera/risk-domain'
 * if (error instanceof DomainStatusError) console.log(error.status)
 */
export class DomainStatusError extends CalderaError {
  override name = 'DomainStatusError'
  readonly status: string
  constructor({ domainId, status, expected }: { domainId: string; status: string; expected: string }) {
    super(`Domain ${domainId} is ${status}; expected ${expected}.`, {
      hint:
        status === 'Unregistered'
          ? 'Register the domain with registerDomain first.'
          : 'Check the domain status with getDomain.',
    })
    this.status = status
  }
}
