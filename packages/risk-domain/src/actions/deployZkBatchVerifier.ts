import {
  batchCommitmentGroth16VerifierBytecode,
  zkBatchVerifierAbi,
  zkBatchVerifierBytecode,
} from '@caldera/contracts'
import { addressSchema, parse } from '@caldera/core'
import type { Address } from 'viem'
import { z } from 'zod'
import { deployInitializedClone } from '../deploy/deployInitializedClone.js'
import type { WriteClient } from '../internal/client.js'
import { deployCode } from '../internal/send.js'

const schema = z.object({
  admin: addressSchema.optional(),
  groth16Verifier: addressSchema.optional(),
  implementation: addressSchema.optional(),
})

export type DeployZkBatchVerifierParameters = {
  /** Receives the admin and cap roles (default: the client's account). */
  admin?: Address
  /** An already deployed `BatchCommitmentGroth16Verifier` (stateless; shared by every domain). */
  groth16Verifier?: Address
  /** An already deployed `ZkBatchVerifier` implementation to clone. */
  implementation?: Address
}
export type DeployZkBatchVerifierReturnType = {
  address: Address
  implementation: Address
  groth16Verifier: Address
}

/**
 * Deploys a `ZkBatchVerifier` (financial tier: Groth16 batch proofs) as an initialized EIP-1167
 * clone, with the generated Groth16 verifier unless one is given. Set each source domain's
 * per-message cap with `setMessageCap`.
 *
 * @example
 * import { deployZkBatchVerifier } from '@caldera/risk-domain'
 * const { address } = await deployZkBatchVerifier(walletClient, {})
 */
export async function deployZkBatchVerifier(
  client: WriteClient,
  parameters: DeployZkBatchVerifierParameters = {},
): Promise<DeployZkBatchVerifierReturnType> {
  const { admin, groth16Verifier, implementation } = parse(schema, parameters, 'zk verifier deployment')
  const groth16 = groth16Verifier ?? (await deployCode(client, batchCommitmentGroth16VerifierBytecode))
  const deployed = await deployInitializedClone(client, {
    abi: zkBatchVerifierAbi,
    bytecode: zkBatchVerifierBytecode,
    implementation,
    initArgs: [admin ?? client.account.address, groth16],
  })
  return { ...deployed, groth16Verifier: groth16 }
}
