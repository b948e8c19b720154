import { thresholdAttestationVerifierAbi, thresholdAttestationVerifierBytecode } from '@caldera/contracts'
import type { Address } from 'viem'
import { type DeployAdminCloneParameters, deployAdminClone } from '../deploy/deployAdminClone.js'
import type { WriteClient } from '../internal/client.js'

export type DeployThresholdAttestationVerifierParameters = DeployAdminCloneParameters
export type DeployThresholdAttestationVerifierReturnType = { address: Address; implementation: Address }

/**
 * Deploys a `ThresholdAttestationVerifier` (light tier: one FROST threshold signature per batch,
 * checked with one `ecrecover`) as an EIP-1167 clone, initialised in the same transaction. It runs
 * on the destination chain; set each source domain's group key with `setGroupKey`.
 *
 * @example
 * import { deployThresholdAttestationVerifier } from '@caldera/risk-domain'
 * const { address } = await deployThresholdAttestationVerifier(walletClient, {})
 */
export function deployThresholdAttestationVerifier(
  client: WriteClient,
  parameters: DeployThresholdAttestationVerifierParameters = {},
): Promise<DeployThresholdAttestationVerifierReturnType> {
  return deployAdminClone(client, parameters, {
    abi: thresholdAttestationVerifierAbi,
    bytecode: thresholdAttestationVerifierBytecode,
    subject: 'threshold attestation verifier deployment',
  })
}
