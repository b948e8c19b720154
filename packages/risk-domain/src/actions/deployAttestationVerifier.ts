import { attestationVerifierAbi, attestationVerifierBytecode } from '@caldera/contracts'
import { addressSchema, parse } from '@caldera/core'
import type { Address } from 'viem'
import { z } from 'zod'
import { deployInitializedClone } from '../deploy/deployInitializedClone.js'
import type { WriteClient } from '../internal/client.js'

const schema = z.object({ admin: addressSchema.optional(), implementation: addressSchema.optional() })

export type DeployAttestationVerifierParameters = {
  /** Receives the admin and validator-set roles (default: the client's account). */
  admin?: Address
  /** An already deployed `AttestationVerifier` implementation to clone. */
  implementation?: Address
}
export type DeployAttestationVerifierReturnType = { address: Address; implementation: Address }

/**
 * Deploys an `AttestationVerifier` (light tier, k-of-n attestations) as an EIP-1167 clone and
 * initializes it. It runs on the destination chain; set each source domain's validators with
 * `setValidatorSet`.
 *
 * @example
 * import { deployAttestationVerifier } from '@caldera/risk-domain'
 * const { address } = await deployAttestationVerifier(walletClient, {})
 */
export async function deployAttestationVerifier(
  client: WriteClient,
  parameters: DeployAttestationVerifierParameters = {},
): Promise<DeployAttestationVerifierReturnType> {
  const { admin, implementation } = parse(schema, parameters, 'attestation verifier deployment')
  return deployInitializedClone(client, {
    abi: attestationVerifierAbi,
    bytecode: attestationVerifierBytecode,
    implementation,
    initArgs: [admin ?? client.account.address],
  })
}
