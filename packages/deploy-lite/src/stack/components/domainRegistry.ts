import { domainRegistryAbi, domainRegistryBytecode, domainRegistryDeployedBytecode } from '@caldera/contracts'
import { encodeFunctionData } from 'viem'
import { defineComponent } from '../component.js'

/** The domain registry (profiles, profile-gated activation, isolation), wired to the domain's StakingRegistry. */
export const domainRegistryComponent = defineComponent({
  name: 'DomainRegistry',
  kind: 'perDomain',
  abi: domainRegistryAbi,
  bytecode: domainRegistryBytecode,
  deployedBytecode: domainRegistryDeployedBytecode,
  initialize: ({ admin, addressOf }) =>
    encodeFunctionData({
      abi: domainRegistryAbi,
      functionName: 'initialize',
      args: [admin, addressOf('StakingRegistry')],
    }),
})
