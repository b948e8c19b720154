import {
  chainIdSchema,
  compareProofSystems,
  type DomainConfig,
  domainConfigSchema,
  domainNameSchema,
  formatEra,
  formatUsd,
  parse,
  rpcUrlSchema,
  type SecurityProfile,
  securityProfileSchema,
  tierPresets,
  tierSchema,
} from '@caldera/core'
import { z } from 'zod'
import { BelowTierMinimumError, type ProfileWeakening } from '../errors/domain.js'

const overridesSchema = securityProfileSchema.omit({ tier: true }).partial().strict()

const defineDomainSchema = z
  .object({
    name: domainNameSchema,
    tier: tierSchema,
    chainId: chainIdSchema,
    rpcUrl: rpcUrlSchema.optional(),
    overrides: overridesSchema.optional(),
    allowBelowTierMinimum: z.boolean().optional(),
  })
  .strict()

export type DefineDomainParameters = z.input<typeof defineDomainSchema>
export type DefineDomainReturnType = DomainConfig

/**
 * Builds a validated domain config from the tier preset and optional overrides. Overrides may
 * strengthen the profile freely; one that weakens it (fewer validators, less stake per validator,
 * a weaker proof system, a lower quorum, a shorter challenge window, a higher ZK threshold) throws
 * {@link BelowTierMinimumError} naming the fields, unless `allowBelowTierMinimum: true`.
 *
 * @example
 * import { defineDomain } from '@caldera/risk-domain'
 * const payments = defineDomain({
 *   name: 'payments-eu',
 *   tier: 'financial',
 *   chainId: 31_337,
 *   overrides: { minValidators: 400 },
 * })
 * // payments.profile.minValidators === 400
 */
export function defineDomain(parameters: DefineDomainParameters): DefineDomainReturnType {
  const {
    name,
    tier,
    chainId,
    rpcUrl,
    overrides = {},
    allowBelowTierMinimum,
  } = parse(defineDomainSchema, parameters, 'domain definition')
  const preset = tierPresets[tier]
  const profile: SecurityProfile = { ...preset }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (profile as Record<string, unknown>)[key] = value
  }
  const weakenings = findWeakenings(preset, profile)
  if (weakenings.length > 0 && allowBelowTierMinimum !== true)
    throw new BelowTierMinimumError({ tier, weakenings })
  return parse(
    domainConfigSchema,
    { name, tier, chainId, profile, ...(rpcUrl ? { rpcUrl } : {}) },
    'domain config',
  )
}

/** The fields of `profile` weaker than the tier preset `preset`. */
export function findWeakenings(preset: SecurityProfile, profile: SecurityProfile): ProfileWeakening[] {
  const out: ProfileWeakening[] = []
  if (profile.minValidators < preset.minValidators)
    out.push({
      field: 'minValidators',
      minimum: `${preset.minValidators}`,
      given: `${profile.minValidators}`,
    })
  if (profile.minStakePerValidator < preset.minStakePerValidator)
    out.push({
      field: 'minStakePerValidator',
      minimum: `${formatEra(preset.minStakePerValidator)} ERA`,
      given: `${formatEra(profile.minStakePerValidator)} ERA`,
    })
  if (compareProofSystems(profile.proofSystem, preset.proofSystem) < 0)
    out.push({ field: 'proofSystem', minimum: preset.proofSystem, given: profile.proofSystem })
  if (profile.attestationQuorumBps < preset.attestationQuorumBps)
    out.push({
      field: 'attestationQuorumBps',
      minimum: `${preset.attestationQuorumBps} bps`,
      given: `${profile.attestationQuorumBps} bps`,
    })
  if (profile.challengeWindowSeconds < preset.challengeWindowSeconds)
    out.push({
      field: 'challengeWindowSeconds',
      minimum: `${preset.challengeWindowSeconds} s`,
      given: `${profile.challengeWindowSeconds} s`,
    })
  if (
    preset.zkProofAboveUsd !== null &&
    (profile.zkProofAboveUsd === null || profile.zkProofAboveUsd > preset.zkProofAboveUsd)
  )
    out.push({
      field: 'zkProofAboveUsd',
      minimum: `$${formatUsd(preset.zkProofAboveUsd)}`,
      given: profile.zkProofAboveUsd === null ? 'none' : `$${formatUsd(profile.zkProofAboveUsd)}`,
    })
  return out
}
