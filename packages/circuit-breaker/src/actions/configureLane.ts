import { channelAbi } from '@caldera/contracts'
import { addressSchema, amountSchema, domainIdOf, parse, positiveAmountSchema } from '@caldera/core'
import type { Address, Hash } from 'viem'
import { z } from 'zod'
import { type WriteClient, writeAndWait } from '../internal/client.js'

const schema = z.object({
  channel: addressSchema,
  peer: z.string().min(1).max(64),
  verifier: addressSchema,
  maxTransfer: positiveAmountSchema,
  windowLimit: positiveAmountSchema,
  windowSeconds: z.number().int().positive(),
  bucketCapacity: positiveAmountSchema,
  refillPerSecond: amountSchema,
})

export type ConfigureLaneParameters = {
  channel: Address
  /** Name of the peer domain. */
  peer: string
  /** `IBatchVerifier` that checks batches arriving from the peer (its tier's verifier). */
  verifier: Address
  /** Token base units: a single transfer above it is held. */
  maxTransfer: bigint
  /** Token base units that may leave per rolling window. */
  windowLimit: bigint
  windowSeconds: number
  /** Token bucket capacity and refill per second (base units). */
  bucketCapacity: bigint
  refillPerSecond: bigint
}

/**
 * Creates or reconfigures a channel's lane to a peer domain (needs GOVERNANCE_ROLE).
 *
 * @example
 * import { configureLane } from '@caldera/circuit-breaker'
 * await configureLane(walletClient, { channel, peer: 'financial', verifier, maxTransfer, windowLimit, windowSeconds: 3600, bucketCapacity, refillPerSecond })
 */
export async function configureLane(
  client: WriteClient,
  parameters: ConfigureLaneParameters,
): Promise<{ hash: Hash }> {
  const p = parse(schema, parameters, 'lane configuration')
  const { hash } = await writeAndWait(client, {
    address: p.channel,
    abi: channelAbi,
    functionName: 'configureLane',
    args: [
      domainIdOf(p.peer),
      {
        verifier: p.verifier,
        maxTransfer: p.maxTransfer,
        windowLimit: p.windowLimit,
        windowSeconds: BigInt(p.windowSeconds),
        bucketCapacity: p.bucketCapacity,
        refillPerSecond: p.refillPerSecond,
      },
    ],
  })
  return { hash }
}
