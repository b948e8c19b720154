import { batchInboxAbi, batchInboxBytecode, batchInboxDeployedBytecode } from '@caldera/contracts'
import { encodeFunctionData } from 'viem'
import { defineComponent } from '../component.js'

/** The domain's batch inbox: accepts compressed transaction batches as calldata. */
export const batchInboxComponent = defineComponent({
  name: 'BatchInbox',
  kind: 'perDomain',
  abi: batchInboxAbi,
  bytecode: batchInboxBytecode,
  deployedBytecode: batchInboxDeployedBytecode,
  initialize: ({ domainId, admin, poster }) =>
    encodeFunctionData({ abi: batchInboxAbi, functionName: 'initialize', args: [domainId, admin, poster] }),
})
