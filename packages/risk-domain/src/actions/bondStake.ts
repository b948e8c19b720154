import { eraTokenAbi, stakingRegistryAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse, positiveAmountSchema } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const schema = z.object({
  staking: addressSchema,
  domainId: bytes32Schema,
  bonds: z
    .array(z.object({ validator: addressSchema, amount: positiveAmountSchema }))
    .min(1)
    .max(1_000),
})

export type BondStakeParameters = {
  /** The StakingRegistry. */
  staking: Address
  domainId: Hex
  /** ERA base units to bond to each registered validator; one transaction for all of them. */
  bonds: readonly { validator: Address; amount: bigint }[]
}
export type BondStakeReturnType = { hash: Hash; approveHash: Hash | null; total: bigint }

/**
 * Bonds ERA from the client's account to one or more registered validators of a domain, in one
 * transaction (approving the StakingRegistry first when the allowance is short).
 *
 * @example
 * import { parseEra } from '@caldera/core'
 * import { bondStake } from '@caldera/risk-domain'
 * await bondStake(walletClient, {
 *   staking,
 *   domainId,
 *   bonds: validators.map((validator) => ({ validator, amount: parseEra('100000') })),
 * })
 */
export async function bondStake(
  client: WriteClient,
  parameters: BondStakeParameters,
): Promise<BondStakeReturnType> {
  const { staking, domainId, bonds } = parse(schema, parameters, 'stake bond')
  const total = bonds.reduce((sum, b) => sum + b.amount, 0n)
  const era = await readContract(client, { address: staking, abi: stakingRegistryAbi, functionName: 'era' })
  const allowance = await readContract(client, {
    address: era,
    abi: eraTokenAbi,
    functionName: 'allowance',
    args: [client.account.address, staking],
  })
  let approveHash: Hash | null = null
  if (allowance < total)
    ({ hash: approveHash } = await writeAndWait(client, {
      address: era,
      abi: eraTokenAbi,
      functionName: 'approve',
      args: [staking, total],
    }))
  const { hash } = await writeAndWait(client, {
    address: staking,
    abi: stakingRegistryAbi,
    functionName: 'bondStakeBatch',
    args: [domainId, bonds.map((b) => b.validator), bonds.map((b) => b.amount)],
  })
  return { hash, approveHash, total }
}
