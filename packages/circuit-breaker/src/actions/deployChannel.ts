import { channelAbi, channelBytecode, deployInitializedClone } from '@caldera/contracts'
import { addressSchema, domainIdOf, domainNameSchema, parse } from '@caldera/core'
import type { Address, Hex } from 'viem'
import { z } from 'zod'
import { deployCode, type WriteClient } from '../internal/client.js'

const schema = z.object({
  domain: domainNameSchema,
  token: addressSchema,
  admin: addressSchema.optional(),
  implementation: addressSchema.optional(),
})

export type DeployChannelParameters = {
  /** Name of the domain the channel serves (its id is `domainIdOf(domain)`). */
  domain: string
  /** ERC-20 token the channel moves. */
  token: Address
  /** Receives the admin, governance and breaker roles (default: the client's account). */
  admin?: Address
  /** An already deployed `Channel` implementation to clone. */
  implementation?: Address
}
export type DeployChannelReturnType = { address: Address; implementation: Address; domainId: Hex }

/**
 * Deploys a `Channel` for a domain as an EIP-1167 clone, initialised in the same transaction.
 *
 * @example
 * import { deployChannel } from '@caldera/circuit-breaker'
 * const { address } = await deployChannel(walletClient, { domain: 'light', token })
 */
export async function deployChannel(
  client: WriteClient,
  parameters: DeployChannelParameters,
): Promise<DeployChannelReturnType> {
  const { domain, token, admin, implementation } = parse(schema, parameters, 'channel deployment')
  const impl = implementation ?? (await deployCode(client, channelBytecode))
  const domainId = domainIdOf(domain)
  const { address } = await deployInitializedClone(client, {
    implementation: impl,
    abi: channelAbi,
    args: [domainId, token, admin ?? client.account.address],
  })
  return { address, implementation: impl, domainId }
}
