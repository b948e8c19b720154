import { domainRegistryAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import { DomainStatusError, type ProfileNotMetError } from '../errors/domain.js'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'
import { assertProfileMet } from './assertProfileMet.js'
import { getDomain } from './getDomain.js'

const schema = z.object({ registry: addressSchema, domainId: bytes32Schema })

export type ActivateDomainParameters = {
  /** The DomainRegistry. */
  registry: Address
  domainId: Hex
}
export type ActivateDomainReturnType = { hash: Hash; status: 'Active'; qualified: number }
export type ActivateDomainErrorType = ProfileNotMetError | DomainStatusError

/**
 * Activates a Pending domain whose validator set meets its tier's security profile. Checks the
 * profile first and throws {@link ProfileNotMetError} without sending anything when it is not met.
 *
 * @example
 * import { activateDomain } from '@caldera/risk-domain'
 * const { hash } = await activateDomain(walletClient, { registry, domainId })
 */
export async function activateDomain(
  client: WriteClient,
  parameters: ActivateDomainParameters,
): Promise<ActivateDomainReturnType> {
  const { registry, domainId } = parse(schema, parameters, 'domain activation')
  const { status } = await getDomain(client, { registry, domainId })
  if (status !== 'Pending') throw new DomainStatusError({ domainId, status, expected: 'Pending' })
  const { qualified } = await assertProfileMet(client, { registry, domainId })
  const { hash } = await writeAndWait(client, {
    address: registry,
    abi: domainRegistryAbi,
    functionName: 'activate',
    args: [domainId],
  })
  return { hash, status: 'Active', qualified }
}
