import { type CircuitArtifacts, prove, toSolidityCalldata } from '@caldera/zk'
import { encodeAbiParameters, type Hex } from 'viem'
import { type BatchCircuitInputParameters, batchCircuitInput } from './batchCircuitInput.js'

export type ProveBatchParameters = BatchCircuitInputParameters & {
  /** The `batchCommitment` artifacts (`readBatchCircuitArtifacts()` from `@caldera/risk-domain/node`,
   * or `loadCircuitArtifacts({ circuit: batchCommitmentCircuit, wasm, zkey })` in a browser). */
  artifacts: CircuitArtifacts
}
export type ProveBatchReturnType = {
  /** The `proof` bytes for `ZkBatchVerifier.verifyBatch` (and `HybridVerifier` above its ZK threshold). */
  proof: Hex
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
 * import { proveBatch } from '@caldera/risk-domain'
 * import { readBatchCircuitArtifacts } from '@caldera/risk-domain/node'
 * const { proof } = await proveBatch({
 *   sourceDomain, batchNonce: 1n, cap, messages, artifacts: await readBatchCircuitArtifacts(),
 * })
 */
export async function proveBatch({
  artifacts,
  ...batch
}: ProveBatchParameters): Promise<ProveBatchReturnType> {
  const input = batchCircuitInput(batch)
  const { proof, publicSignals } = await prove({ artifacts, input })
  const { a, b, c, inputs } = toSolidityCalldata({ proof, publicSignals })
  const root = inputs[0] ?? 0n
  return {
    proof: encodeZkBatchProof({ root, a, b, c }),
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
export function encodeZkBatchProof({
  root,
  a,
  b,
  c,
}: {
  root: bigint
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
}): Hex {
  return encodeAbiParameters(
    [{ type: 'uint256' }, { type: 'uint256[2]' }, { type: 'uint256[2][2]' }, { type: 'uint256[2]' }],
    [root, a, b, c],
  )
}
