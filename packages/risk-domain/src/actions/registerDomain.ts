import { domainRegistryAbi } from '@caldera/contracts'
import {
  addressSchema,
  type DomainConfig,
  type DomainConfigInput,
  domainConfigSchema,
  domainIdOf,
  parse,
} from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import { toOnchainProfile } from '../domain/onchainProfile.js'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const schema = z.object({ registry: addressSchema, domain: domainConfigSchema })

export type RegisterDomainParameters = {
  /** The DomainRegistry. */
  registry: Address
  /** A domain config, e.g. from `defineDomain`. */
  domain: DomainConfig | DomainConfigInput
}
export type RegisterDomainReturnType = { hash: Hash; domainId: Hex }

/**
 * Registers a domain and its security profile in the DomainRegistry; it starts Pending (needs
 * the registry's `REGISTRAR_ROLE`).
 *
 * @example
 * import { defineDomain, registerDomain } from '@caldera/risk-domain'
 * const domain = defineDomain({ name: 'payments', tier: 'financial', chainId: 31_337 })
 * const { domainId } = await registerDomain(walletClient, { registry, domain })
 */
export async function registerDomain(
  client: WriteClient,
  parameters: RegisterDomainParameters,
): Promise<RegisterDomainReturnType> {
  const { registry, domain } = parse(schema, parameters, 'domain registration')
  const { hash } = await writeAndWait(client, {
    address: registry,
    abi: domainRegistryAbi,
    functionName: 'registerDomain',
    args: [domain.name, toOnchainProfile(domain.profile)],
  })
  return { hash, domainId: domainIdOf(domain.name) }
}
