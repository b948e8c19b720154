import { channelAbi, channelBytecode, channelDeployedBytecode } from '@caldera/contracts'
import { addressSchema } from '@caldera/core'
import { encodeFunctionData } from 'viem'
import { z } from 'zod'
import { defineComponent } from '../component.js'

/** Parameters of the `Channel` component. */
export const channelParamsSchema = z.object({
  /** ERC-20 token the channel moves. */
  token: addressSchema,
})

/** The domain's cross-domain channel (one lane per peer, on-chain circuit-breaker guard). */
export const channelComponent = defineComponent({
  name: 'Channel',
  kind: 'perDomain',
  abi: channelAbi,
  bytecode: channelBytecode,
  deployedBytecode: channelDeployedBytecode,
  params: channelParamsSchema,
  initialize: ({ domainId, admin, params }) => {
    const { token } = channelParamsSchema.parse(params)
    return encodeFunctionData({ abi: channelAbi, functionName: 'initialize', args: [domainId, token, admin] })
  },
})
