import { channelAbi } from '@caldera/contracts'
import { addressSchema, domainIdOf, parse, positiveAmountSchema } from '@caldera/core'
import { type Address, type Hash, parseEventLogs, type TransactionReceipt } from 'viem'
import { z } from 'zod'
import { type WriteClient, writeAndWait } from '../internal/client.js'

const schema = z.object({
  channel: addressSchema,
  toDomain: z.string().min(1).max(64),
  recipient: addressSchema,
  amount: positiveAmountSchema,
})

export type SendTransferParameters = {
  channel: Address
  /** Name of the destination domain. */
  toDomain: string
  recipient: Address
  /** Token base units; the channel must be approved for them. */
  amount: bigint
}
export type SendTransferReturnType =
  | { hash: Hash; receipt: TransactionReceipt; held: false; nonce: bigint }
  | { hash: Hash; receipt: TransactionReceipt; held: true; heldId: bigint }

/**
 * Sends tokens across a lane. When the channel's guard rejects the transfer it is held in
 * escrow in the same transaction (`held: true`) and the lane trips.
 *
 * @example
 * import { sendTransfer } from '@caldera/circuit-breaker'
 * const result = await sendTransfer(walletClient, { channel, toDomain: 'financial', recipient, amount })
 * if (result.held) console.log('held as', result.heldId)
 */
export async function sendTransfer(
  client: WriteClient,
  parameters: SendTransferParameters,
): Promise<SendTransferReturnType> {
  const p = parse(schema, parameters, 'transfer')
  const { hash, receipt } = await writeAndWait(client, {
    address: p.channel,
    abi: channelAbi,
    functionName: 'send',
    args: [domainIdOf(p.toDomain), p.recipient, p.amount],
  })
  const logs = parseEventLogs({ abi: channelAbi, logs: receipt.logs })
  for (const log of logs) {
    if (log.eventName === 'TransferHeld') return { hash, receipt, held: true, heldId: log.args.heldId }
    if (log.eventName === 'MessageSent') return { hash, receipt, held: false, nonce: log.args.nonce }
  }
  throw new Error(`Transfer ${hash} emitted neither MessageSent nor TransferHeld.`)
}
