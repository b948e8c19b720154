import { InvalidWitnessError } from '../errors/soundness.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { mod } from './field.js'

/** BN254 scalar field order (circom's default prime). */
const BN254 = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

export type MutateWitnessParameters = {
  /** The witness to start from (left unchanged). */
  witness: readonly bigint[]
  /** Wires to overwrite: wire index → new value. */
  set?: Readonly<Record<number, bigint>>
  /** Wires to shift: wire index → amount added (mod p), applied after `set`. */
  add?: Readonly<Record<number, bigint>>
  /** The field's prime (default BN254's scalar field). */
  prime?: bigint
}

/**
 * Returns a copy of a witness with chosen wires overwritten or shifted, every value reduced into
 * `[0, p)`: the starting point of a malicious witness, to be checked with `checkWitness`.
 *
 * @param parameters - `witness`, and `set` and/or `add` keyed by wire index.
 * @returns The new witness.
 * @throws {InvalidWitnessError} When a wire index is outside the witness or is wire 0 (the constant).
 *
 * @example
 * import { checkWitness, mutateWitness } from '@caldera/zk'
 * const forged = mutateWitness({ witness, set: { [wireOf({ symbols, signal: 'main.value' })]: 12n } })
 * expect(checkWitness({ r1cs, witness: forged })).not.toEqual([])
 */
export function mutateWitness(parameters: MutateWitnessParameters): bigint[] {
  check(inputSchemas.mutate, parameters, 'mutateWitness parameters')
  const { witness, set = {}, add = {}, prime = BN254 } = parameters
  const out = witness.map((w) => mod(w, prime))
  const wireOf = (key: string) => {
    const wire = Number(key)
    if (!Number.isInteger(wire) || wire < 1 || wire >= out.length)
      throw new InvalidWitnessError(`Cannot change wire ${key} of a ${out.length}-wire witness.`, {
        hint: 'Wire 0 is the constant 1; signal wires are 1 … nWires - 1 (see the .sym file).',
      })
    return wire
  }
  for (const [key, value] of Object.entries(set)) out[wireOf(key)] = mod(value, prime)
  for (const [key, delta] of Object.entries(add)) {
    const wire = wireOf(key)
    out[wire] = mod(out[wire]! + delta, prime)
  }
  return out
}
