import {
  attestationVerifierAbi,
  hybridVerifierAbi,
  iBatchVerifierAbi,
  zkBatchVerifierAbi,
} from '@caldera/contracts'
import {
  addressSchema,
  amountSchema,
  bytes32Schema,
  hexSchema,
  type ProofSystem,
  parse,
  proofSystemSchema,
} from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { z } from 'zod'
import {
  type BatchMessage,
  type BatchMessageInput,
  batchMessagesSchema,
} from '../attestation/batchMessage.js'
import { BatchRejectedError } from '../errors/verification.js'
import type { ReadClient, WriteClient } from '../internal/client.js'
import { revertName } from '../internal/revertName.js'

/**
 * `IBatchVerifier.verifyBatch` plus every error the three verifiers can raise (a hybrid verifier
 * bubbles up its ZK verifier's errors), so a rejection is decoded whatever the tier.
 */
export const batchVerifierAbi = [
  ...iBatchVerifierAbi,
  ...[...attestationVerifierAbi, ...hybridVerifierAbi, ...zkBatchVerifierAbi].filter(
    (item) => item.type === 'error' && !item.name.startsWith('AccessControl'),
  ),
] as const

/** Default gas sent with a verification (eth_estimateGas under-estimates the pairing check). */
export const defaultVerifyGas: Record<ProofSystem, bigint> = {
  simplified: 1_500_000n,
  hybrid: 2_000_000n,
  zk: 1_500_000n,
}

const schema = z.object({
  verifier: addressSchema,
  proofSystem: proofSystemSchema,
  sourceDomain: bytes32Schema,
  batchNonce: amountSchema,
  messages: batchMessagesSchema,
  proof: hexSchema,
  send: z.boolean().default(false),
  gas: amountSchema.optional(),
})

export type VerifyBatchParameters = {
  /** The verifier on the destination chain: AttestationVerifier, HybridVerifier or ZkBatchVerifier. */
  verifier: Address
  /** The source domain's proof system (its tier's): `simplified`, `hybrid` or `zk`. */
  proofSystem: ProofSystem
  sourceDomain: Hex
  batchNonce: bigint
  messages: readonly BatchMessageInput[]
  /** Attestations (`createAttestationProof`), `0x` or a ZK proof (hybrid), or `proveBatch(...).proof`. */
  proof: Hex
  /** Send a transaction (needs a wallet client) instead of an `eth_call`. A rejected batch then
   * reverts on chain and the error carries the transaction hash. */
  send?: boolean
  /** Gas for the call or transaction (defaults: {@link defaultVerifyGas}). */
  gas?: bigint
}
export type VerifyBatchReturnType = {
  verified: true
  /** The transaction, when `send: true`. */
  hash?: Hash
  /** Gas used by the transaction, when `send: true`. */
  gasUsed?: bigint
}

/**
 * Verifies a batch of cross-domain messages with the destination chain's verifier for the source
 * domain's tier. Throws {@link BatchRejectedError} naming the contract's reason when rejected.
 *
 * @example
 * import { createAttestationProof, verifyBatch } from '@caldera/risk-domain'
 * const { proof } = await createAttestationProof({ domainId, batchNonce: 1n, messages, signers })
 * await verifyBatch(publicClient, {
 *   verifier, proofSystem: 'simplified', sourceDomain: domainId, batchNonce: 1n, messages, proof,
 * })
 */
export async function verifyBatch(
  client: ReadClient | WriteClient,
  parameters: VerifyBatchParameters,
): Promise<VerifyBatchReturnType> {
  const { verifier, proofSystem, sourceDomain, batchNonce, messages, proof, send, gas } = parse(
    schema,
    parameters,
    'batch verification',
  )
  const args = [sourceDomain, batchNonce, messages as BatchMessage[], proof] as const
  const gasLimit = gas ?? defaultVerifyGas[proofSystem]
  const reject = (error: unknown, transactionHash?: Hash) => {
    const reason = revertName(error)
    if (!reason) throw error
    return new BatchRejectedError({
      proofSystem,
      reason,
      cause: error,
      ...(transactionHash ? { transactionHash } : {}),
    })
  }
  if (!send) {
    try {
      const { result } = await simulateContract(client, {
        address: verifier,
        abi: batchVerifierAbi,
        functionName: 'verifyBatch',
        args,
        gas: gasLimit,
      })
      if (result !== true) throw new BatchRejectedError({ proofSystem, reason: 'returned false' })
      return { verified: true }
    } catch (error) {
      throw error instanceof BatchRejectedError ? error : reject(error)
    }
  }
  const wallet = client as WriteClient
  if (!wallet.account) throw new Error('verifyBatch with send: true needs a wallet client with an account.')
  const hash = await writeContract(wallet, {
    address: verifier,
    abi: batchVerifierAbi,
    functionName: 'verifyBatch',
    args,
    gas: gasLimit,
    account: wallet.account,
    chain: wallet.chain,
  })
  const receipt = await waitForTransactionReceipt(wallet, { hash })
  if (receipt.status === 'success') return { verified: true, hash, gasUsed: receipt.gasUsed }
  // Replay the reverted transaction at its block to learn the reason.
  try {
    await simulateContract(wallet, {
      account: wallet.account,
      address: verifier,
      abi: batchVerifierAbi,
      functionName: 'verifyBatch',
      args,
      gas: gasLimit,
      blockNumber: receipt.blockNumber,
    })
  } catch (error) {
    throw reject(error, hash)
  }
  throw new BatchRejectedError({ proofSystem, reason: 'reverted', transactionHash: hash })
}
