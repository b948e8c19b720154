import {
  batchCommitmentGroth16VerifierAbi,
  batchCommitmentGroth16VerifierBytecode,
  batchCommitmentGroth16VerifierDeployedBytecode,
  zkBatchVerifierAbi,
  zkBatchVerifierBytecode,
  zkBatchVerifierDeployedBytecode,
} from '@caldera/contracts'
import { encodeFunctionData } from 'viem'
import { defineComponent } from '../component.js'

/** The Groth16 verifier of the batch-commitment circuit: stateless, one per chain in lite mode. */
export const batchCommitmentGroth16VerifierComponent = defineComponent({
  name: 'BatchCommitmentGroth16Verifier',
  kind: 'shared',
  abi: batchCommitmentGroth16VerifierAbi,
  bytecode: batchCommitmentGroth16VerifierBytecode,
  deployedBytecode: batchCommitmentGroth16VerifierDeployedBytecode,
})

/** Verifies batches from financial-tier peers with a Groth16 proof of the batch commitment. */
export const zkBatchVerifierComponent = defineComponent({
  name: 'ZkBatchVerifier',
  kind: 'perDomain',
  abi: zkBatchVerifierAbi,
  bytecode: zkBatchVerifierBytecode,
  deployedBytecode: zkBatchVerifierDeployedBytecode,
  initialize: ({ admin, addressOf }) =>
    encodeFunctionData({
      abi: zkBatchVerifierAbi,
      functionName: 'initialize',
      args: [admin, addressOf('BatchCommitmentGroth16Verifier')],
    }),
})
