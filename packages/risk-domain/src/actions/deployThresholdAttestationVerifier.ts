import { thresholdAttestationVerifierAbi, thresholdAttestationVerifierBytecode } from '@caldera/contracts'
import { addressSchema, parse } from '@caldera/core'
import type { Address } from 'viem'
import { z } from 'zod'
import { deployInitializedClone } from '../deploy/deployInitializedClone.js'
import type { WriteClient } from '../internal/client.js'

const schema = z.object({ admin: addressSchema.optional(), implementation: addressSchema.optional() })

export type DeployThresholdAttestationVerifierParameters = {
  /** Receives the admin and validator-set roles (default: the client's account). */
  admin?: Address
  /** An already deployed `ThresholdAttestationVerifier` implementation to clone. */
  implementation?: Address
}
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
export async function deployThresholdAttestationVerifier(
  client: WriteClient,
  parameters: DeployThresholdAttestationVerifierParameters = {},
): Promise<DeployThresholdAttestationVerifierReturnType> {
  const { admin, implementation } = parse(schema, parameters, 'threshold attestation verifier deployment')
  return deployInitializedClone(client, {
    abi: thresholdAttestationVerifierAbi,
    bytecode: thresholdAttestationVerifierBytecode,
    implementation,
    initArgs: [admin ?? client.account.address],
  })
}
