import { crossDomainMessageSchema } from '@caldera/core'
import type { Address, Hex } from 'viem'
import { z } from 'zod'

/**
 * The fields of a cross-domain message that a batch verifier sees (the on-chain
 * `CrossDomainMessage` struct of `IBatchVerifier`). A full `CrossDomainMessage` from
 * `@caldera/core` is accepted; `token` and `data` are ignored.
 */
export const batchMessageSchema = crossDomainMessageSchema.pick({
  sourceDomain: true,
  destinationDomain: true,
  nonce: true,
  sender: true,
  recipient: true,
  amount: true,
})

/** A message as `IBatchVerifier.verifyBatch` takes it. */
export type BatchMessage = {
  sourceDomain: Hex
  destinationDomain: Hex
  nonce: bigint
  sender: Address
  recipient: Address
  amount: bigint
}
export type BatchMessageInput = z.input<typeof batchMessageSchema>

/** A non-empty list of batch messages. */
export const batchMessagesSchema = z.array(batchMessageSchema).min(1).max(10_000)

/** The ABI parameter of a batch: `CrossDomainMessage[]`. */
export const batchMessagesAbiParameter = {
  type: 'tuple[]',
  components: [
    { name: 'sourceDomain', type: 'bytes32' },
    { name: 'destinationDomain', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'sender', type: 'address' },
    { name: 'recipient', type: 'address' },
    { name: 'amount', type: 'uint256' },
  ],
} as const
