import type { CircuitArtifacts, CircuitInput, Groth16Proof } from '../artifacts/types.js'
import { ProofGenerationError } from '../errors/zk.js'
import { groth16 } from '../internal/snarkjs.js'

export type ProveParameters = {
  /** Loaded, hash-checked artifacts (see `loadCircuitArtifacts`). */
  artifacts: CircuitArtifacts
  /** Values of the circuit's input signals. */
  input: CircuitInput
}

export type ProveReturnType = {
  proof: Groth16Proof
  /** Public signals as decimal strings, in the circuit's order (outputs first, then public inputs). */
  publicSignals: string[]
}

/**
 * Computes the witness and a Groth16 proof, in memory (browser and Node).
 *
 * @throws ProofGenerationError when the inputs violate a circuit assertion.
 * @example
 * import { prove } from '@caldera/zk'
 * const { proof, publicSignals } = await prove({ artifacts, input: { secret: [1n, 2n], hash } })
 */
export async function prove({ artifacts, input }: ProveParameters): Promise<ProveReturnType> {
  try {
    const { proof, publicSignals } = await groth16.fullProve(
      input as Record<string, unknown>,
      { type: 'mem', data: artifacts.wasm },
      { type: 'mem', data: artifacts.zkey },
    )
    return { proof, publicSignals }
  } catch (cause) {
    throw new ProofGenerationError({ circuit: artifacts.circuit.name }, { cause })
  }
}
