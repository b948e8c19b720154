import { hybridVerifierAbi } from '@caldera/contracts'
import { addressSchema, amountSchema, bytes32Schema, hexSchema, parse } from '@caldera/core'
import { type Address, type Hash, type Hex, parseEventLogs } from 'viem'
import { z } from 'zod'
import {
  type BatchMessage,
  type BatchMessageInput,
  batchMessagesSchema,
} from '../attestation/batchMessage.js'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const schema = z.object({
  verifier: addressSchema,
  sourceDomain: bytes32Schema,
  batchNonce: amountSchema,
  messages: batchMessagesSchema,
  attestations: hexSchema,
})

export type SubmitBatchParameters = {
  /** The HybridVerifier on the destination chain. */
  verifier: Address
  sourceDomain: Hex
  batchNonce: bigint
  messages: readonly BatchMessageInput[]
  /** The attestation quorum (`createAttestationProof(...).proof`). */
  attestations: Hex
}
export type SubmitBatchReturnType = { hash: Hash; batchRoot: Hex; executableAt: number }

/**
 * Submits an attested batch to a `HybridVerifier` (enterprise tier); it verifies once the
 * challenge window has passed unchallenged.
 *
 * @example
 * import { createAttestationProof, submitBatch } from '@caldera/risk-domain'
 * const { proof } = await createAttestationProof({ domainId, batchNonce, messages, signers })
 * const { executableAt } = await submitBatch(walletClient, {
 *   verifier, sourceDomain: domainId, batchNonce, messages, attestations: proof,
 * })
 */
export async function submitBatch(
  client: WriteClient,
  parameters: SubmitBatchParameters,
): Promise<SubmitBatchReturnType> {
  const { verifier, sourceDomain, batchNonce, messages, attestations } = parse(
    schema,
    parameters,
    'batch submission',
  )
  const { hash, receipt } = await writeAndWait(client, {
    address: verifier,
    abi: hybridVerifierAbi,
    functionName: 'submitBatch',
    args: [sourceDomain, batchNonce, messages as BatchMessage[], attestations],
  })
  const [event] = parseEventLogs({ abi: hybridVerifierAbi, logs: receipt.logs, eventName: 'BatchSubmitted' })
  if (!event) throw new Error('BatchSubmitted event missing')
  return { hash, batchRoot: event.args.root, executableAt: Number(event.args.executableAt) }
}
