import { InvalidWitnessError } from '../errors/soundness.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { R1cs } from '../witness/r1cs.js'
import { evaluate, mod } from './field.js'

export type CheckWitnessParameters = {
  /** The constraint system (`parseR1cs` of the circuit's `.r1cs`). */
  r1cs: R1cs
  /**
   * One value per wire, wire 0 being the constant 1 (`calculateWitness`, `decodeWitness`). Values
   * are read as field elements: `-1n` is `p - 1`.
   */
  witness: readonly bigint[]
}

/**
 * Evaluates every constraint `A·w × B·w = C·w` of a circuit over its prime field (BN254's scalar
 * field for circom) with exact bigint arithmetic, and returns the indexes of the constraints the
 * witness violates: empty when the witness satisfies the circuit. Use it to show that a forged
 * (malicious) witness is refused by the constraints themselves, independently of the witness
 * generator's own assertions.
 *
 * @param parameters - `r1cs` and `witness`.
 * @returns The indexes of the violated constraints, ascending.
 * @throws {InvalidWitnessError} When the witness has not one value per wire or wire 0 is not 1.
 *
 * @example
 * import { calculateWitness, checkWitness, mutateWitness, parseR1cs } from '@caldera/zk'
 * const r1cs = parseR1cs(r1csBytes)
 * const witness = await calculateWitness({ artifacts, input })
 * checkWitness({ r1cs, witness }) // []
 * checkWitness({ r1cs, witness: mutateWitness({ witness, add: { 1: 1n } }) }) // e.g. [17]
 */
export function checkWitness(parameters: CheckWitnessParameters): number[] {
  check(inputSchemas.checkWitness, parameters, 'checkWitness parameters')
  const { r1cs, witness } = parameters
  const p = r1cs.prime
  if (witness.length !== r1cs.nWires)
    throw new InvalidWitnessError(
      `The witness has ${witness.length} values; the circuit has ${r1cs.nWires} wires.`,
      {
        hint: 'Compute the witness with the wasm built together with this r1cs.',
      },
    )
  if (mod(witness[0]!, p) !== 1n)
    throw new InvalidWitnessError(`Wire 0 of a witness is the constant 1, not ${witness[0]}.`)
  const violated: number[] = []
  r1cs.constraints.forEach(([a, b, c], i) => {
    if (mod(evaluate(a, witness, p) * evaluate(b, witness, p) - evaluate(c, witness, p), p) !== 0n)
      violated.push(i)
  })
  return violated
}
