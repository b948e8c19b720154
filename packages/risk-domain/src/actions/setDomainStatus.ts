import { domainRegistryAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import { DomainStatusError } from '../errors/domain.js'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'
import { assertProfileMet } from './assertProfileMet.js'
import { getDomain } from './getDomain.js'

const schema = z.object({
  registry: addressSchema,
  domainId: bytes32Schema,
  status: z.enum(['Isolated', 'Active', 'Retired']),
})

export type SetDomainStatusParameters = {
  /** The DomainRegistry. */
  registry: Address
  domainId: Hex
  /**
   * `Isolated` (from Active; the circuit breaker, GUARDIAN_ROLE), `Active` (back from Isolated,
   * GUARDIAN_ROLE; the profile must still be met) or `Retired` (for good, admin).
   */
  status: 'Isolated' | 'Active' | 'Retired'
}
export type SetDomainStatusReturnType = { hash: Hash; status: 'Isolated' | 'Active' | 'Retired' }

/**
 * Isolates, restores or retires a domain in the DomainRegistry. Checks the current status (and,
 * when restoring, the security profile) before sending anything.
 *
 * @example
 * import { setDomainStatus } from '@caldera/risk-domain'
 * await setDomainStatus(guardianClient, { registry, domainId, status: 'Isolated' })
 */
export async function setDomainStatus(
  client: WriteClient,
  parameters: SetDomainStatusParameters,
): Promise<SetDomainStatusReturnType> {
  const { registry, domainId, status } = parse(schema, parameters, 'domain status change')
  const current = (await getDomain(client, { registry, domainId })).status
  const allowed = { Isolated: ['Active'], Active: ['Isolated'], Retired: ['Pending', 'Active', 'Isolated'] }[
    status
  ]
  if (!allowed.includes(current))
    throw new DomainStatusError({ domainId, status: current, expected: allowed.join(' or ') })
  if (status === 'Active') await assertProfileMet(client, { registry, domainId })
  const functionName = ({ Isolated: 'isolate', Active: 'restore', Retired: 'retire' } as const)[status]
  const { hash } = await writeAndWait(client, {
    address: registry,
    abi: domainRegistryAbi,
    functionName,
    args: [domainId],
  })
  return { hash, status }
}
