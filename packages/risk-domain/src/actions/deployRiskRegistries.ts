import {
  domainRegistryAbi,
  domainRegistryBytecode,
  stakingRegistryAbi,
  stakingRegistryBytecode,
} from '@caldera/contracts'
import { addressSchema, parse } from '@caldera/core'
import type { Address } from 'viem'
import { z } from 'zod'
import { deployInitializedClone } from '../deploy/deployInitializedClone.js'
import type { WriteClient } from '../internal/client.js'

const schema = z.object({
  era: addressSchema,
  unbondingDelaySeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 3600)
    .default(7 * 24 * 3600),
  admin: addressSchema.optional(),
  treasury: addressSchema.optional(),
})

export type DeployRiskRegistriesParameters = {
  /** The ERA token validators bond. */
  era: Address
  /** Seconds between an unbond request and the withdrawal (default 7 days). */
  unbondingDelaySeconds?: number
  /** Receives the admin roles (default: the client's account). */
  admin?: Address
  /** Receives slashed stake (default: the admin). */
  treasury?: Address
}
export type DeployRiskRegistriesReturnType = { stakingRegistry: Address; domainRegistry: Address }

/**
 * Deploys a `StakingRegistry` and a `DomainRegistry` bound to it (EIP-1167 clones, initialized).
 *
 * @example
 * import { deployRiskRegistries } from '@caldera/risk-domain'
 * const { stakingRegistry, domainRegistry } = await deployRiskRegistries(walletClient, { era })
 */
export async function deployRiskRegistries(
  client: WriteClient,
  parameters: DeployRiskRegistriesParameters,
): Promise<DeployRiskRegistriesReturnType> {
  const {
    era,
    unbondingDelaySeconds,
    admin: adminIn,
    treasury,
  } = parse(schema, parameters, 'registry deployment')
  const admin = adminIn ?? client.account.address
  const staking = await deployInitializedClone(client, {
    abi: stakingRegistryAbi,
    bytecode: stakingRegistryBytecode,
    initArgs: [admin, era, BigInt(unbondingDelaySeconds), treasury ?? admin],
  })
  const registry = await deployInitializedClone(client, {
    abi: domainRegistryAbi,
    bytecode: domainRegistryBytecode,
    initArgs: [admin, staking.address],
  })
  return { stakingRegistry: staking.address, domainRegistry: registry.address }
}
