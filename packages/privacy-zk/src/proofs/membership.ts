import { type Groth16Proof, prove, verify } from '@caldera/zk'
import { type ArtifactsOption, loadPrivacyArtifacts, privacyCircuits } from '../circuitArtifacts.js'
import { DisclosureRejectedError, NotarizationTreeError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { type MerkleProof, TREE_DEPTH } from '../tree/NotarizationTree.js'

/**
 * Proves knowledge of a record commitment notarized under `merkleProof.root` without revealing
 * which one.
 *
 * @example
 * import { proveMembership } from '@caldera/privacy-zk'
 * const { proof, publicSignals } = await proveMembership({ merkleProof: tree.proof(3) })
 */
export async function proveMembership(parameters: {
  merkleProof: MerkleProof
  artifacts?: ArtifactsOption
}): Promise<{ proof: Groth16Proof; publicSignals: string[]; root: bigint }> {
  check(inputSchemas.proveMembership, parameters, 'membership proof')
  const { merkleProof, artifacts } = parameters
  if (merkleProof.siblings.length !== TREE_DEPTH) {
    throw new NotarizationTreeError(`The membership circuit takes depth-${TREE_DEPTH} proofs.`)
  }
  const loaded = await loadPrivacyArtifacts({ circuit: 'membership', artifacts })
  const { proof, publicSignals } = await prove({
    artifacts: loaded,
    input: {
      root: merkleProof.root,
      leaf: merkleProof.leaf,
      leafIndex: BigInt(merkleProof.leafIndex),
      siblings: merkleProof.siblings,
    },
  })
  return { proof, publicSignals, root: merkleProof.root }
}

/**
 * Verifies a membership proof against the roots the verifier accepts.
 *
 * @throws DisclosureRejectedError
 * @example
 * import { verifyMembership } from '@caldera/privacy-zk'
 * await verifyMembership({ proof, publicSignals, roots: [notarizedRoot] })
 */
export async function verifyMembership(parameters: {
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
  roots: readonly bigint[]
}): Promise<true> {
  check(inputSchemas.verifyMembership, parameters, 'membership proof check')
  const { proof, publicSignals, roots } = parameters
  const ok = await verify({
    verificationKey: privacyCircuits.membership.verificationKey,
    proof,
    publicSignals,
  })
  if (!ok) throw new DisclosureRejectedError('The membership proof is invalid.')
  if (!roots.includes(BigInt(publicSignals[0]!)))
    throw new DisclosureRejectedError('The root is not notarized.')
  return true
}
