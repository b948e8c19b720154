import { domainRegistryAbi, stakingRegistryAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, formatEra, parse } from '@caldera/core'
import type { Address, Hex } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import { ProfileNotMetError } from '../errors/domain.js'
import type { ReadClient } from '../internal/client.js'
import { getDomain } from './getDomain.js'

const schema = z.object({ registry: addressSchema, domainId: bytes32Schema })

export type AssertProfileMetParameters = {
  /** The DomainRegistry. */
  registry: Address
  domainId: Hex
}
export type AssertProfileMetReturnType = {
  /** Validators bonding at least the profile's stake. */
  qualified: number
  required: number
  registered: number
}

/**
 * Checks, by reading the chain, that enough validators each bond enough ERA for the domain's
 * profile; throws {@link ProfileNotMetError} saying how far off it is ("299 of 300 validators
 * meet the financial profile") otherwise. Nothing is sent.
 *
 * @example
 * import { assertProfileMet } from '@caldera/risk-domain'
 * const { qualified } = await assertProfileMet(publicClient, { registry, domainId })
 */
export async function assertProfileMet(
  client: ReadClient,
  parameters: AssertProfileMetParameters,
): Promise<AssertProfileMetReturnType> {
  const { registry, domainId } = parse(schema, parameters, 'profile check')
  const domain = await getDomain(client, { registry, domainId })
  const staking = await readContract(client, {
    address: registry,
    abi: domainRegistryAbi,
    functionName: 'staking',
  })
  const [validators, stakes] = await readContract(client, {
    address: staking,
    abi: stakingRegistryAbi,
    functionName: 'validatorsOf',
    args: [domainId],
  })
  const { minValidators, minStakePerValidator, tier } = domain.profile
  const under = stakes.filter((s) => s < minStakePerValidator)
  const qualified = stakes.length - under.length
  const result = { qualified, required: minValidators, registered: validators.length }
  if (qualified >= minValidators) return result
  const metaMessages = [
    `- ${validators.length} validator${validators.length === 1 ? '' : 's'} registered; the ${tier} profile needs ${minValidators}, each bonding at least ${formatEra(minStakePerValidator)} ERA.`,
  ]
  if (under.length > 0) {
    const lowest = [...under].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0] ?? 0n
    metaMessages.push(
      `- ${under.length} validator${under.length === 1 ? ' bonds' : 's bond'} less than ${formatEra(minStakePerValidator)} ERA (lowest: ${formatEra(lowest)} ERA).`,
    )
  }
  if (validators.length < minValidators)
    metaMessages.push(`- ${minValidators - validators.length} more validator seat(s) needed.`)
  throw new ProfileNotMetError({
    domain: domain.name,
    tier,
    qualified,
    required: minValidators,
    metaMessages,
  })
}
