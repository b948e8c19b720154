import { channelAbi } from '@caldera/contracts'
import { addressSchema, amountSchema, parse } from '@caldera/core'
import type { Address, Hash } from 'viem'
import { z } from 'zod'
import { type WriteClient, writeAndWait } from '../internal/client.js'

const schema = z.object({
  channel: addressSchema,
  heldId: amountSchema,
  action: z.enum(['release', 'refund']),
})

export type SettleHeldParameters = {
  channel: Address
  heldId: bigint
  /** `release`: the transfer continues to its destination; `refund`: back to its sender. */
  action: 'release' | 'refund'
}

/**
 * Settles a held transfer after review (needs GOVERNANCE_ROLE).
 *
 * @example
 * import { settleHeld } from '@caldera/circuit-breaker'
 * await settleHeld(governance, { channel, heldId: 1n, action: 'refund' })
 */
export async function settleHeld(
  client: WriteClient,
  parameters: SettleHeldParameters,
): Promise<{ hash: Hash }> {
  const { channel, heldId, action } = parse(schema, parameters, 'held transfer settlement')
  const { hash } = await writeAndWait(client, {
    address: channel,
    abi: channelAbi,
    functionName: action,
    args: [heldId],
  })
  return { hash }
}
