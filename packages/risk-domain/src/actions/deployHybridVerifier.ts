import { hybridVerifierAbi, hybridVerifierBytecode } from '@caldera/contracts'
import { addressSchema, amountSchema, parse } from '@caldera/core'
import { type Address, zeroAddress } from 'viem'
import { z } from 'zod'
import { deployInitializedClone } from '../deploy/deployInitializedClone.js'
import type { WriteClient } from '../internal/client.js'

const schema = z.object({
  admin: addressSchema.optional(),
  challengeWindowSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3600),
  zkProofAboveAmount: amountSchema,
  zkVerifier: addressSchema.optional(),
  implementation: addressSchema.optional(),
})

export type DeployHybridVerifierParameters = {
  /** Receives the admin, validator-set and challenger roles (default: the client's account). */
  admin?: Address
  /** Seconds a submitted batch waits for challenges (the enterprise preset: 1,800). */
  challengeWindowSeconds: number
  /** Batch total (token base units) above which a ZK proof is also required. */
  zkProofAboveAmount: bigint
  /** The ZkBatchVerifier that checks those proofs. */
  zkVerifier?: Address
  /** An already deployed `HybridVerifier` implementation to clone. */
  implementation?: Address
}
export type DeployHybridVerifierReturnType = { address: Address; implementation: Address }

/**
 * Deploys a `HybridVerifier` (enterprise tier: attestation quorum + challenge window + ZK proof
 * above a value) as an initialized EIP-1167 clone on the destination chain.
 *
 * @example
 * import { deployHybridVerifier } from '@caldera/risk-domain'
 * const { address } = await deployHybridVerifier(walletClient, {
 *   challengeWindowSeconds: 1_800,
 *   zkProofAboveAmount: 100_000n * 10n ** 18n,
 *   zkVerifier,
 * })
 */
export async function deployHybridVerifier(
  client: WriteClient,
  parameters: DeployHybridVerifierParameters,
): Promise<DeployHybridVerifierReturnType> {
  const { admin, challengeWindowSeconds, zkProofAboveAmount, zkVerifier, implementation } = parse(
    schema,
    parameters,
    'hybrid verifier deployment',
  )
  return deployInitializedClone(client, {
    abi: hybridVerifierAbi,
    bytecode: hybridVerifierBytecode,
    implementation,
    initArgs: [
      admin ?? client.account.address,
      BigInt(challengeWindowSeconds),
      zkProofAboveAmount,
      zkVerifier ?? zeroAddress,
    ],
  })
}
