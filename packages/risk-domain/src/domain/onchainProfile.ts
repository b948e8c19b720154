import {
  CalderaError,
  parse,
  proofSystems,
  type SecurityProfile,
  securityProfileSchema,
  tierFromCode,
  tierToCode,
} from '@caldera/core'
import { maxUint256 } from 'viem'
import { z } from 'zod'

/** Domain statuses as the DomainRegistry stores them. */
export const domainStatuses = ['Unregistered', 'Pending', 'Active', 'Isolated', 'Retired'] as const
export type DomainStatus = (typeof domainStatuses)[number]

/** The DomainRegistry's `Profile` struct. */
export type OnchainProfile = {
  tier: number
  proofSystem: number
  minValidators: number
  minStakePerValidator: bigint
  attestationQuorumBps: number
  challengeWindowSeconds: number
  zkProofAboveUsd: bigint
}

/**
 * Encodes a security profile as the DomainRegistry's `Profile` struct (`null` ZK threshold =
 * max uint256; tier and proof system as codes).
 *
 * @example
 * import { tierPresets } from '@caldera/core'
 * import { toOnchainProfile } from '@caldera/risk-domain'
 * toOnchainProfile(tierPresets.light).minValidators // 50
 */
export function toOnchainProfile(input: SecurityProfile): OnchainProfile {
  const profile = parse(securityProfileSchema, input, 'security profile')
  return {
    tier: tierToCode(profile.tier),
    proofSystem: proofSystems.indexOf(profile.proofSystem),
    minValidators: profile.minValidators,
    minStakePerValidator: profile.minStakePerValidator,
    attestationQuorumBps: profile.attestationQuorumBps,
    challengeWindowSeconds: profile.challengeWindowSeconds,
    zkProofAboveUsd: profile.zkProofAboveUsd ?? maxUint256,
  }
}

const uint = z.union([z.number().int().nonnegative(), z.bigint().nonnegative()])
const onchainProfileSchema = z.object({
  tier: z.number().int().min(0).max(2),
  proofSystem: z.number().int().min(0).max(2),
  minValidators: uint,
  minStakePerValidator: z.bigint().nonnegative(),
  attestationQuorumBps: uint,
  challengeWindowSeconds: uint,
  zkProofAboveUsd: z.bigint().nonnegative(),
})

/**
 * Decodes the DomainRegistry's `Profile` struct into a {@link SecurityProfile}.
 *
 * @example
 * import { fromOnchainProfile } from '@caldera/risk-domain'
 * const profile = fromOnchainProfile(domain.profile) // from DomainRegistry.getDomain
 */
export function fromOnchainProfile(p: OnchainProfile): SecurityProfile {
  parse(onchainProfileSchema, p, 'on-chain profile')
  const proofSystem = proofSystems[p.proofSystem]
  if (!proofSystem) throw new CalderaError(`Unknown proof system code ${p.proofSystem}.`)
  return {
    tier: tierFromCode(p.tier),
    proofSystem,
    minValidators: p.minValidators,
    minStakePerValidator: p.minStakePerValidator,
    attestationQuorumBps: p.attestationQuorumBps,
    challengeWindowSeconds: p.challengeWindowSeconds,
    zkProofAboveUsd: p.zkProofAboveUsd === maxUint256 ? null : p.zkProofAboveUsd,
  }
}
