import { type CircuitArtifacts, prove, toSolidityCalldata } from '@caldera/zk'
import { concat, encodeAbiParameters, type Hex } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import { type BatchCircuitInputParameters, batchCircuitInput } from './batchCircuitInput.js'

export type ProveBatchParameters = BatchCircuitInputParameters & {
  /** The `batchCommitment` artifacts (`readBatchCircuitArtifacts()` from `@caldera/risk-domain/node`,
   * or `loadCircuitArtifacts({ circuit: batchCommitmentCircuit, wasm, zkey })` in a browser). */
  artifacts: CircuitArtifacts
  /**
   * The batch signers' attestations over the same messages (`createAttestationProof`), appended
   * to the proof: `ZkBatchVerifier.verifyBatch` needs them (the proof shows the batch is well
   * formed, the attestations that the domain sent it). Omit them for a `HybridVerifier`, which
   * authenticated the batch with its own quorum and checks the proof alone.
   */
  attestations?: Hex | undefined
}
export type ProveBatchReturnType = {
  /** The `proof` bytes for `ZkBatchVerifier.verifyBatch` (with `attestations`) or for a
   * `HybridVerifier` above its ZK threshold (without). */
  proof: Hex
  /** The Groth16 proof alone, `abi.encode(root, a, b, c)` (288 bytes). */
  validityProof: Hex
  /** The Poseidon batch root the proof commits to. */
  root: bigint
  publicSignals: bigint[]
}

/**
 * Proves a financial-tier batch (at most 8 messages): its Poseidon root commits to exactly these
 * messages, each amount is at most `cap`, and they sum to the total. Throws `ZkBatchError` before
 * proving when a message is above the cap.
 *
 * @example
 * import { createAttestationProof, proveBatch } from '@caldera/risk-domain'
 * import { readBatchCircuitArtifacts } from '@caldera/risk-domain/node'
 * const { proof: attestations } = await createAttestationProof({ domainId: sourceDomain, batchNonce: 1n, messages, signers })
 * const { proof } = await proveBatch({
 *   sourceDomain, batchNonce: 1n, cap, messages, attestations, artifacts: await readBatchCircuitArtifacts(),
 * })
 */
export async function proveBatch(parameters: ProveBatchParameters): Promise<ProveBatchReturnType> {
  check(inputSchemas.proveBatch, parameters, 'zk batch proof')
  const { artifacts, attestations, ...batch } = parameters
  const input = batchCircuitInput(batch)
  const { proof, publicSignals } = await prove({ artifacts, input })
  const { a, b, c, inputs } = toSolidityCalldata({ proof, publicSignals })
  const root = inputs[0] ?? 0n
  const validityProof = encodeZkBatchProof({ root, a, b, c })
  return {
    proof: attestations ? concat([validityProof, attestations]) : validityProof,
    validityProof,
    root,
    publicSignals: [...inputs],
  }
}

/**
 * Encodes `abi.encode(root, a, b, c)`, the `proof` bytes `ZkBatchVerifier` decodes.
 *
 * @example
 * import { toSolidityCalldata } from '@caldera/zk'
 * import { encodeZkBatchProof } from '@caldera/risk-domain'
 * const { a, b, c, inputs } = toSolidityCalldata({ proof, publicSignals })
 * const bytes = encodeZkBatchProof({ root: inputs[0]!, a, b, c })
 */
export function encodeZkBatchProof(parameters: {
  root: bigint
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
}): Hex {
  check(inputSchemas.encodeZkBatchProof, parameters, 'zk batch proof')
  const { root, a, b, c } = parameters
  return encodeAbiParameters(
    [{ type: 'uint256' }, { type: 'uint256[2]' }, { type: 'uint256[2][2]' }, { type: 'uint256[2]' }],
    [root, a, b, c],
  )
}
