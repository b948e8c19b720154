import { UnderconstrainedSignalError } from '../errors/soundness.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { R1cs } from '../witness/r1cs.js'
import { findFreeSignals } from './findFreeSignals.js'
import { type CircuitSymbol, publicWires, wireNames } from './symbols.js'

export type AssertSignalsDeterminedParameters = {
  r1cs: R1cs
  /** A witness that satisfies every constraint. */
  witness: readonly bigint[]
  /** Wires that must be determined (default: every output and public input). */
  wires?: readonly number[]
  /** Wires the circuit documents as ignored (never reported). */
  ignore?: readonly number[]
  /** Symbol table (`parseSymbols`) to name the wires in the error. */
  symbols?: readonly CircuitSymbol[]
}

/**
 * Asserts that no chosen signal can take another value alone while every constraint holds
 * (exact over the field, see `findFreeSignals`): a verifier who checks the proof then knows the
 * value of each of them is the one the circuit computes. By default checks every output and
 * public input, the values a verifier relies on.
 *
 * @param parameters - `r1cs`, a valid `witness`, optional `wires`, `ignore`, `symbols`.
 * @returns The number of wires checked.
 * @throws {UnderconstrainedSignalError} Naming each free signal and a change that keeps every constraint.
 * @throws {InvalidWitnessError} When the witness does not fit the r1cs or violates a constraint.
 *
 * @example
 * import { assertSignalsDetermined, calculateWitness, parseR1cs } from '@caldera/zk'
 * const witness = await calculateWitness({ artifacts, input })
 * assertSignalsDetermined({ r1cs: parseR1cs(r1csBytes), witness })
 */
export function assertSignalsDetermined(parameters: AssertSignalsDeterminedParameters): number {
  check(inputSchemas.signalsDetermined, parameters, 'assertSignalsDetermined parameters')
  const { r1cs, witness, wires = publicWires(r1cs), ignore = [], symbols } = parameters
  const skip = new Set(ignore)
  const checked = wires.filter((w) => !skip.has(w))
  const free = findFreeSignals({ r1cs, witness, wires: checked })
  if (free.length > 0) {
    const names = symbols ? wireNames(symbols) : new Map<number, string>()
    throw new UnderconstrainedSignalError({
      signals: free.map((f) => ({ ...f, name: names.get(f.wire) })),
    })
  }
  return checked.length
}
