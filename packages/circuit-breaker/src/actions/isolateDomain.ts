import { channelAbi } from '@caldera/contracts'
import { addressSchema, domainIdOf, parse } from '@caldera/core'
import type { Address, Hash } from 'viem'
import { z } from 'zod'
import { type WriteClient, writeAndWait } from '../internal/client.js'

const schema = z.object({ channel: addressSchema, domain: z.string().min(1).max(64) })

export type IsolateDomainParameters = {
  channel: Address
  /** Domain to cut off: the channel's own domain isolates every lane, a peer pauses its lane. */
  domain: string
}

/**
 * Isolates a domain on one channel (needs BREAKER_ROLE): pauses the lane to and from it, or
 * every lane when it is the channel's own domain.
 *
 * @example
 * import { isolateDomain } from '@caldera/circuit-breaker'
 * await isolateDomain(financialWallet, { channel: financialChannel, domain: 'light' })
 */
export async function isolateDomain(
  client: WriteClient,
  parameters: IsolateDomainParameters,
): Promise<{ hash: Hash }> {
  const { channel, domain } = parse(schema, parameters, 'isolation')
  const { hash } = await writeAndWait(client, {
    address: channel,
    abi: channelAbi,
    functionName: 'isolate',
    args: [domainIdOf(domain)],
  })
  return { hash }
}
