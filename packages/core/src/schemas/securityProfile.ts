import { z } from 'zod'
import { parseEra, parseUsd } from '../units/units.js'
import { parse } from '../validation/parse.js'
import { amountSchema } from './primitives.js'
import { proofSystemSchema, type Tier, tierSchema } from './tier.js'

/**
 * What a domain's validator set and verification must provide before the domain may activate.
 * Stake is in ERA base units (18 decimals); USD limits in micro-dollars (6 decimals).
 */
export const securityProfileSchema = z.object({
  tier: tierSchema,
  /** Validators that must each bond at least `minStakePerValidator`. */
  minValidators: z.number().int().positive().max(100_000),
  /** ERA base units each counted validator must bond. */
  minStakePerValidator: amountSchema,
  /** How outgoing cross-domain message batches are verified. */
  proofSystem: proofSystemSchema,
  /** Share of the registered validators that must attest a batch, in basis points (1–10,000). */
  attestationQuorumBps: z.number().int().min(1).max(10_000),
  /** Seconds a batch waits for challenges before it can execute (hybrid proofs). */
  challengeWindowSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3600),
  /** USD value of a batch above which a ZK proof is required (hybrid proofs); `null` when not applicable. */
  zkProofAboveUsd: amountSchema.nullable(),
})
export type SecurityProfile = z.infer<typeof securityProfileSchema>

/**
 * The tier presets: financial 300 × 100,000 ERA with ZK proofs; enterprise 100 × 50,000 ERA with
 * hybrid proofs; light 50 × 10,000 ERA with simplified (k-of-n) verification.
 *
 * @example
 * import { tierPresets, formatEra } from '@caldera/core'
 * formatEra(tierPresets.financial.minStakePerValidator) // '100000'
 */
export const tierPresets: Readonly<Record<Tier, SecurityProfile>> = Object.freeze({
  financial: Object.freeze({
    tier: 'financial',
    minValidators: 300,
    minStakePerValidator: parseEra('100000'),
    proofSystem: 'zk',
    attestationQuorumBps: 6_667,
    challengeWindowSeconds: 0,
    zkProofAboveUsd: null,
  }),
  enterprise: Object.freeze({
    tier: 'enterprise',
    minValidators: 100,
    minStakePerValidator: parseEra('50000'),
    proofSystem: 'hybrid',
    attestationQuorumBps: 6_667,
    challengeWindowSeconds: 1_800,
    zkProofAboveUsd: parseUsd('100000'),
  }),
  light: Object.freeze({
    tier: 'light',
    minValidators: 50,
    minStakePerValidator: parseEra('10000'),
    proofSystem: 'simplified',
    attestationQuorumBps: 5_100,
    challengeWindowSeconds: 0,
    zkProofAboveUsd: null,
  }),
}) as Readonly<Record<Tier, SecurityProfile>>

const minTotalStakeInputSchema = z.object({
  minValidators: z.number().int().nonnegative().max(100_000),
  minStakePerValidator: amountSchema,
})

/**
 * The smallest total stake a domain of this profile secures (validators × stake each), in ERA
 * base units. Cross-domain limits are bounded by it.
 *
 * @example
 * minTotalStake(tierPresets.light) // 500000 ERA in base units
 */
export function minTotalStake(
  profile: Pick<SecurityProfile, 'minValidators' | 'minStakePerValidator'>,
): bigint {
  const { minValidators, minStakePerValidator } = parse(minTotalStakeInputSchema, profile, 'security profile')
  return BigInt(minValidators) * minStakePerValidator
}
