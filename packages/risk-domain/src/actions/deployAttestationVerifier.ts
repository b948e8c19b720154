import { attestationVerifierAbi, attestationVerifierBytecode } from '@caldera/contracts'
import type { Address } from 'viem'
import { type DeployAdminCloneParameters, deployAdminClone } from '../deploy/deployAdminClone.js'
import type { WriteClient } from '../internal/client.js'

export type DeployAttestationVerifierParameters = DeployAdminCloneParameters
export type DeployAttestationVerifierReturnType = { address: Address; implementation: Address }

/**
 * Deploys an `AttestationVerifier` (light tier, k-of-n attestations) as an EIP-1167 clone,
 * initialised in the same transaction. It runs on the destination chain; set each source domain's
 * validators with `setValidatorSet`.
 *
 * @example
 * import { deployAttestationVerifier } from '@caldera/risk-domain'
 * const { address } = await deployAttestationVerifier(walletClient, {})
 */
export function deployAttestationVerifier(
  client: WriteClient,
  parameters: DeployAttestationVerifierParameters = {},
): Promise<DeployAttestationVerifierReturnType> {
  return deployAdminClone(client, parameters, {
    abi: attestationVerifierAbi,
    bytecode: attestationVerifierBytecode,
    subject: 'attestation verifier deployment',
  })
}
