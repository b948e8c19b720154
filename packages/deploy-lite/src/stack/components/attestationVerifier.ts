import {
  attestationVerifierAbi,
  attestationVerifierBytecode,
  attestationVerifierDeployedBytecode,
} from '@caldera/contracts'
import { encodeFunctionData } from 'viem'
import { defineComponent } from '../component.js'

/** Verifies batches from light-tier peers (k-of-n validator attestations). */
export const attestationVerifierComponent = defineComponent({
  name: 'AttestationVerifier',
  kind: 'perDomain',
  abi: attestationVerifierAbi,
  bytecode: attestationVerifierBytecode,
  deployedBytecode: attestationVerifierDeployedBytecode,
  initialize: ({ admin }) =>
    encodeFunctionData({ abi: attestationVerifierAbi, functionName: 'initialize', args: [admin] }),
})
