import { amountSchema, bytes32Schema, parse } from '@caldera/core'
import { z } from 'zod'
import { type BatchMessage, type BatchMessageInput, batchMessageSchema } from '../attestation/batchMessage.js'
import { ZkBatchError } from '../errors/verification.js'

/** BN254 scalar field modulus (the circuit's field). */
export const SNARK_SCALAR_FIELD =
  21888242871839275222246405745257275088548364400416034343698204186575808495617n
/** Messages per financial-tier proof; shorter batches are padded with zero messages. */
export const ZK_BATCH_SIZE = 8

const schema = z.object({
  sourceDomain: bytes32Schema,
  batchNonce: amountSchema,
  cap: amountSchema,
  messages: z.array(batchMessageSchema).min(1).max(ZK_BATCH_SIZE),
})

export type BatchCircuitInputParameters = {
  sourceDomain: `0x${string}`
  batchNonce: bigint
  /** The source domain's per-message cap (token base units), as set in the ZkBatchVerifier. */
  cap: bigint
  messages: readonly BatchMessageInput[]
}

/** The `batchCommitment` circuit's inputs. */
export type BatchCircuitInput = {
  sourceDomain: bigint
  batchNonce: bigint
  cap: bigint
  total: bigint
  destination: bigint[]
  senderNonce: bigint[]
  recipient: bigint[]
  amount: bigint[]
}

/**
 * Packs a batch into the `batchCommitment` circuit's inputs exactly as `ZkBatchVerifier` packs
 * its public signals on chain (domain ids mod p, `sender * 2^64 + nonce`, zero padding to 8).
 *
 * @example
 * import { batchCircuitInput } from '@caldera/risk-domain'
 * const input = batchCircuitInput({ sourceDomain, batchNonce: 1n, cap, messages })
 */
export function batchCircuitInput(parameters: BatchCircuitInputParameters): BatchCircuitInput {
  const { sourceDomain, batchNonce, cap, messages } = parse(schema, parameters, 'zk batch')
  const p = SNARK_SCALAR_FIELD
  const pad = <T>(values: T[], zero: T) =>
    [...values, ...Array(ZK_BATCH_SIZE - values.length).fill(zero)] as T[]
  ;(messages as BatchMessage[]).forEach((m, i) => {
    if (m.sourceDomain !== sourceDomain)
      throw new ZkBatchError(`Message ${i} comes from domain ${m.sourceDomain}, not ${sourceDomain}.`)
    if (m.amount >= 2n ** 128n)
      throw new ZkBatchError(`Message ${i} amount ${m.amount} does not fit 128 bits.`)
    if (m.nonce >= 2n ** 64n) throw new ZkBatchError(`Message ${i} nonce ${m.nonce} does not fit 64 bits.`)
    if (m.amount > cap)
      throw new ZkBatchError(`Message ${i} amount ${m.amount} is above the per-message cap ${cap}.`, {
        hint: 'Split the transfer or raise the domain cap; the proof cannot be generated.',
      })
  })
  return {
    sourceDomain: BigInt(sourceDomain) % p,
    batchNonce,
    cap,
    total: messages.reduce((s, m) => s + m.amount, 0n),
    destination: pad(
      messages.map((m) => BigInt(m.destinationDomain) % p),
      0n,
    ),
    senderNonce: pad(
      messages.map((m) => (BigInt(m.sender) << 64n) | m.nonce),
      0n,
    ),
    recipient: pad(
      messages.map((m) => BigInt(m.recipient)),
      0n,
    ),
    amount: pad(
      messages.map((m) => m.amount),
      0n,
    ),
  }
}
