import { channelAbi } from '@caldera/contracts'
import { addressSchema, domainIdOf, parse } from '@caldera/core'
import type { Address, Hash } from 'viem'
import { z } from 'zod'
import { type WriteClient, writeAndWait } from '../internal/client.js'

const schema = z.object({ channel: addressSchema, peer: z.string().min(1).max(64), paused: z.boolean() })

export type SetLanePausedParameters = {
  channel: Address
  /** Name of the peer domain. */
  peer: string
  /** `true` pauses (BREAKER_ROLE); `false` reopens after review (GOVERNANCE_ROLE). */
  paused: boolean
}

/**
 * Pauses or reopens a channel's lane to a peer domain.
 *
 * @example
 * import { setLanePaused } from '@caldera/circuit-breaker'
 * await setLanePaused(governance, { channel, peer: 'light', paused: false })
 */
export async function setLanePaused(
  client: WriteClient,
  parameters: SetLanePausedParameters,
): Promise<{ hash: Hash }> {
  const { channel, peer, paused } = parse(schema, parameters, 'lane pause')
  const { hash } = await writeAndWait(client, {
    address: channel,
    abi: channelAbi,
    functionName: paused ? 'pauseLane' : 'unpauseLane',
    args: [domainIdOf(peer)],
  })
  return { hash }
}
