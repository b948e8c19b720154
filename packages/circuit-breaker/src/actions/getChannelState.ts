import { channelAbi } from '@caldera/contracts'
import { addressSchema, domainIdOf, parse } from '@caldera/core'
import type { Address } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import type { ReadClient } from '../internal/client.js'

const schema = z.object({ channel: addressSchema, peers: z.array(z.string().min(1).max(64)).default([]) })

export type GetChannelStateParameters = {
  channel: Address
  /** Peer domains whose lanes to read. */
  peers?: readonly string[]
}
export type GetChannelStateReturnType = {
  isolated: boolean
  /** Value locked by sends, released to recipients, held in escrow, refunded (base units). */
  totals: { locked: bigint; released: bigint; held: bigint; refunded: bigint }
  lanes: Record<string, { exists: boolean; paused: boolean; outNonce: bigint }>
}

/**
 * Reads a channel's isolation flag, value totals and the state of the lanes to `peers`.
 *
 * @example
 * import { getChannelState } from '@caldera/circuit-breaker'
 * const state = await getChannelState(publicClient, { channel, peers: ['financial', 'light'] })
 * state.lanes.light.paused
 */
export async function getChannelState(
  client: ReadClient,
  parameters: GetChannelStateParameters,
): Promise<GetChannelStateReturnType> {
  const { channel, peers } = parse(schema, parameters, 'channel state query')
  const read = (functionName: 'isolated' | 'totalLocked' | 'totalReleased' | 'totalHeld' | 'totalRefunded') =>
    readContract(client, { address: channel, abi: channelAbi, functionName })
  const [isolated, locked, released, held, refunded, ...lanes] = await Promise.all([
    read('isolated') as Promise<boolean>,
    read('totalLocked') as Promise<bigint>,
    read('totalReleased') as Promise<bigint>,
    read('totalHeld') as Promise<bigint>,
    read('totalRefunded') as Promise<bigint>,
    ...peers.map((peer) =>
      readContract(client, {
        address: channel,
        abi: channelAbi,
        functionName: 'lane',
        args: [domainIdOf(peer)],
      }),
    ),
  ])
  return {
    isolated,
    totals: { locked, released, held, refunded },
    lanes: Object.fromEntries(
      peers.map((peer, i) => {
        const [exists, paused, outNonce] = lanes[i]!
        return [peer, { exists, paused, outNonce }]
      }),
    ),
  }
}
