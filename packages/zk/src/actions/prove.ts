import type { CircuitArtifacts, CircuitInput, Groth16Proof } from '../artifacts/types.js'
import { ProofGenerationError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { groth16 } from '../internal/snarkjs.js'
import { calculateWitnessBytes } from '../internal/witnessCalculator.js'

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
 * Computes the witness (with a witness calculator compiled once per artifacts) and a Groth16
 * proof, in memory (browser and Node).
 *
 * @throws ProofGenerationError when the inputs violate a circuit assertion.
 * @example
 * import { prove } from '@caldera/zk'
 * const { proof, publicSignals } = await prove({ artifacts, input: { secret: [1n, 2n], hash } })
 */
export async function prove(options: ProveParameters): Promise<ProveReturnType> {
  check(inputSchemas.prove, options, 'prove options')
  const { artifacts, input } = options
  let witness: Uint8Array
  try {
    witness = await calculateWitnessBytes(artifacts.wasm, input as Record<string, unknown>)
  } catch (cause) {
    throw new ProofGenerationError({ circuit: artifacts.circuit.name }, { cause })
  }
  return groth16.prove({ type: 'mem', data: artifacts.zkey }, { type: 'mem', data: witness })
}
