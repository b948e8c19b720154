import { stakingRegistryAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const schema = z.object({ staking: addressSchema, domainId: bytes32Schema })

export type RegisterValidatorParameters = {
  /** The StakingRegistry. */
  staking: Address
  domainId: Hex
}
export type RegisterValidatorReturnType = { hash: Hash; validator: Address }

/**
 * Takes a validator seat in a domain for the client's account (the key that signs attestations).
 *
 * @example
 * import { registerValidator } from '@caldera/risk-domain'
 * await registerValidator(validatorWalletClient, { staking, domainId })
 */
export async function registerValidator(
  client: WriteClient,
  parameters: RegisterValidatorParameters,
): Promise<RegisterValidatorReturnType> {
  const { staking, domainId } = parse(schema, parameters, 'validator registration')
  const { hash } = await writeAndWait(client, {
    address: staking,
    abi: stakingRegistryAbi,
    functionName: 'registerValidator',
    args: [domainId],
  })
  return { hash, validator: client.account.address }
}
