import {
  stakingRegistryAbi,
  stakingRegistryBytecode,
  stakingRegistryDeployedBytecode,
} from '@caldera/contracts'
import { addressSchema } from '@caldera/core'
import { encodeFunctionData } from 'viem'
import { z } from 'zod'
import { defineComponent } from '../component.js'

/** Parameters of the `StakingRegistry` component. */
export const stakingRegistryParamsSchema = z.object({
  /** The ERA token validators bond. */
  token: addressSchema,
  /** Seconds between unbonding and withdrawal (default 7 days). */
  unbondingDelaySeconds: z
    .number()
    .int()
    .min(0)
    .max(365 * 24 * 3600)
    .default(7 * 24 * 3600),
  /** Receives slashed stake; the admin when omitted. */
  treasury: addressSchema.optional(),
})

/** The domain's validator staking registry (ERA bonds, unbonding, slashing). */
export const stakingRegistryComponent = defineComponent({
  name: 'StakingRegistry',
  kind: 'perDomain',
  abi: stakingRegistryAbi,
  bytecode: stakingRegistryBytecode,
  deployedBytecode: stakingRegistryDeployedBytecode,
  params: stakingRegistryParamsSchema,
  initialize: ({ admin, params }) => {
    const p = stakingRegistryParamsSchema.parse(params)
    return encodeFunctionData({
      abi: stakingRegistryAbi,
      functionName: 'initialize',
      args: [admin, p.token, BigInt(p.unbondingDelaySeconds), p.treasury ?? admin],
    })
  },
})
