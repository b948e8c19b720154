import {
  disclosureVerifierAbi,
  disclosureVerifierBytecode,
  disclosureVerifierDeployedBytecode,
  membershipGroth16VerifierAbi,
  membershipGroth16VerifierBytecode,
  membershipGroth16VerifierDeployedBytecode,
  notaryAbi,
  notaryBytecode,
  notaryDeployedBytecode,
  rangeGroth16VerifierAbi,
  rangeGroth16VerifierBytecode,
  rangeGroth16VerifierDeployedBytecode,
  selectiveGroth16VerifierAbi,
  selectiveGroth16VerifierBytecode,
  selectiveGroth16VerifierDeployedBytecode,
} from '@caldera/contracts'
import { addressSchema } from '@caldera/core'
import { encodeFunctionData } from 'viem'
import { z } from 'zod'
import { defineComponent } from '../component.js'

/** Parameters of the `Notary` component. */
export const notaryParamsSchema = z
  .object({
    /** Account allowed to publish Merkle roots; the admin when omitted. */
    notarizer: addressSchema.optional(),
  })
  .default({})

/** The domain's notary: Merkle roots of committed (encrypted) records. */
export const notaryComponent = defineComponent({
  name: 'Notary',
  kind: 'perDomain',
  abi: notaryAbi,
  bytecode: notaryBytecode,
  deployedBytecode: notaryDeployedBytecode,
  params: notaryParamsSchema,
  initialize: ({ admin, params }) => {
    const { notarizer } = notaryParamsSchema.parse(params)
    return encodeFunctionData({
      abi: notaryAbi,
      functionName: 'initialize',
      args: [admin, notarizer ?? admin],
    })
  },
})

/**
 * A Notary that also verifies disclosure proofs against its own roots (one use per nullifier);
 * its Groth16 verifier is built in. Takes the same parameters as the Notary.
 */
export const disclosureVerifierComponent = defineComponent({
  name: 'DisclosureVerifier',
  kind: 'perDomain',
  abi: disclosureVerifierAbi,
  bytecode: disclosureVerifierBytecode,
  deployedBytecode: disclosureVerifierDeployedBytecode,
  params: notaryParamsSchema,
  initialize: ({ admin, params }) => {
    const { notarizer } = notaryParamsSchema.parse(params)
    return encodeFunctionData({
      abi: disclosureVerifierAbi,
      functionName: 'initialize',
      args: [admin, notarizer ?? admin],
    })
  },
})

/** Groth16 verifier of the Merkle membership circuit (stateless, shared). */
export const membershipGroth16VerifierComponent = defineComponent({
  name: 'MembershipGroth16Verifier',
  kind: 'shared',
  abi: membershipGroth16VerifierAbi,
  bytecode: membershipGroth16VerifierBytecode,
  deployedBytecode: membershipGroth16VerifierDeployedBytecode,
})

/** Groth16 verifier of the range circuit (stateless, shared). */
export const rangeGroth16VerifierComponent = defineComponent({
  name: 'RangeGroth16Verifier',
  kind: 'shared',
  abi: rangeGroth16VerifierAbi,
  bytecode: rangeGroth16VerifierBytecode,
  deployedBytecode: rangeGroth16VerifierDeployedBytecode,
})

/** Groth16 verifier of the selective-disclosure (equality) circuit (stateless, shared). */
export const selectiveGroth16VerifierComponent = defineComponent({
  name: 'SelectiveGroth16Verifier',
  kind: 'shared',
  abi: selectiveGroth16VerifierAbi,
  bytecode: selectiveGroth16VerifierBytecode,
  deployedBytecode: selectiveGroth16VerifierDeployedBytecode,
})
