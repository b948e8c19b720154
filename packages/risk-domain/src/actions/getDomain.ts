import { domainRegistryAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse, type SecurityProfile, type Tier } from '@caldera/core'
import type { Address, Hex } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import { type DomainStatus, domainStatuses, fromOnchainProfile } from '../domain/onchainProfile.js'
import { DomainStatusError } from '../errors/domain.js'
import type { ReadClient } from '../internal/client.js'
import { revertName } from '../internal/revertName.js'

const schema = z.object({ registry: addressSchema, domainId: bytes32Schema })

export type GetDomainParameters = {
  /** The DomainRegistry. */
  registry: Address
  domainId: Hex
}
export type GetDomainReturnType = {
  domainId: Hex
  name: string
  tier: Tier
  profile: SecurityProfile
  status: DomainStatus
  /** Seconds since the epoch; 0 while never activated. */
  activatedAt: number
  /** Validators bonding at least the profile's stake each. */
  qualifiedValidators: number
}

/**
 * Reads a domain's tier, profile, status and number of qualified validators from the
 * DomainRegistry. Throws {@link DomainStatusError} for an unregistered domain.
 *
 * @example
 * import { getDomain } from '@caldera/risk-domain'
 * const { status, qualifiedValidators } = await getDomain(publicClient, { registry, domainId })
 */
export async function getDomain(
  client: ReadClient,
  parameters: GetDomainParameters,
): Promise<GetDomainReturnType> {
  const { registry, domainId } = parse(schema, parameters, 'domain lookup')
  const [domain, qualified] = await Promise.all([
    readContract(client, {
      address: registry,
      abi: domainRegistryAbi,
      functionName: 'getDomain',
      args: [domainId],
    }),
    readContract(client, {
      address: registry,
      abi: domainRegistryAbi,
      functionName: 'qualifiedValidators',
      args: [domainId],
    }),
  ]).catch((error: unknown) => {
    if (revertName(error) === 'UnknownDomain')
      throw new DomainStatusError({ domainId, status: 'Unregistered', expected: 'registered' })
    throw error
  })
  const profile = fromOnchainProfile(domain.profile)
  return {
    domainId,
    name: domain.name,
    tier: profile.tier,
    profile,
    status: domainStatuses[domain.status] ?? 'Unregistered',
    activatedAt: Number(domain.activatedAt),
    qualifiedValidators: Number(qualified),
  }
}
