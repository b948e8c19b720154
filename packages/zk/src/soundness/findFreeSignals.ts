import { InvalidWitnessError } from '../errors/soundness.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { LinearCombination, R1cs } from '../witness/r1cs.js'
import { checkWitness } from './checkWitness.js'
import { evaluateConstraints, inverse, mod } from './field.js'

/** A wire that can change alone while every constraint holds. */
export type FreeSignal = {
  wire: number
  /** A non-zero change (`value + delta mod p`) that keeps every constraint. */
  delta: bigint
  /** Every change keeps every constraint (the wire is in no constraint, or only cancels out). */
  anyDelta: boolean
}

export type FindFreeSignalsParameters = {
  r1cs: R1cs
  /** A witness that satisfies every constraint. */
  witness: readonly bigint[]
  /** Wires to examine (default every wire but the constant wire 0). */
  wires?: readonly number[]
}

const NONE = 'none' as const
const ANY = 'any' as const

/**
 * Finds, exactly, every wire whose value can change ALONE while every constraint still holds:
 * an under-constrained signal. Starting from a valid witness `w`, changing wire `i` by `δ`
 * changes each constraint `A·w × B·w − C·w` by `δ·(αb + aβ − γ) + δ²·αβ` (α, β, γ the wire's
 * coefficients, a, b the constraint's current values), so over the whole field the non-zero `δ`
 * that keep a constraint are all of them, none, or exactly one: `−(αb + aβ − γ) / αβ`. The wire is
 * free when some `δ ≠ 0` keeps all of its constraints. This covers every value of the field, not
 * only `+1` as `findUnconstrainedWires` does (a boolean bit `b·(b − 1) = 0` flips with `δ = 1 − 2b`).
 *
 * A sound circuit reports no output. It may report a private input it deliberately ignores
 * (`anyDelta`, e.g. a slot that is overwritten), and, under circom's `--O2` (which substitutes a
 * `Num2Bits`' top bit away), a public bound that can move by exactly that bit's weight towards a
 * weaker statement. Assert the exact list in tests and explain each entry.
 *
 * @param parameters - `r1cs`, a valid `witness`, optional `wires`.
 * @returns The free wires, ascending, each with a change that keeps every constraint.
 * @throws {InvalidWitnessError} When the witness does not fit the r1cs or violates a constraint.
 *
 * @example
 * import { findFreeSignals } from '@caldera/zk'
 * const free = findFreeSignals({ r1cs, witness })
 * // [] for a circuit that determines every signal
 */
export function findFreeSignals(parameters: FindFreeSignalsParameters): FreeSignal[] {
  check(inputSchemas.freeSignals, parameters, 'findFreeSignals parameters')
  const { r1cs, witness, wires } = parameters
  const violated = checkWitness({ r1cs, witness })
  if (violated.length > 0)
    throw new InvalidWitnessError(
      `The starting witness violates ${violated.length} constraint(s) (first: ${violated[0]}).`,
      { hint: 'Start from an honest witness (calculateWitness); free signals are relative to a valid one.' },
    )
  const p = r1cs.prime
  const targets = wires ?? Array.from({ length: r1cs.nWires - 1 }, (_, i) => i + 1)
  const watched = new Set(targets)
  // Per wire: ANY (every δ so far), NONE, or the one δ allowed so far.
  const status = new Map<number, bigint | typeof ANY | typeof NONE>(targets.map((w) => [w, ANY]))
  const values = evaluateConstraints(r1cs, witness)
  r1cs.constraints.forEach(([a, b, c], i) => {
    const coefficients = new Map<number, [bigint, bigint, bigint]>()
    const collect = (lc: LinearCombination, k: 0 | 1 | 2) => {
      for (const [wire, coefficient] of lc) {
        if (!watched.has(wire) || status.get(wire) === NONE) continue
        const entry = coefficients.get(wire) ?? [0n, 0n, 0n]
        entry[k] = mod(entry[k] + coefficient, p)
        coefficients.set(wire, entry)
      }
    }
    collect(a, 0)
    collect(b, 1)
    collect(c, 2)
    const [va, vb] = values[i]!
    for (const [wire, [alpha, beta, gamma]] of coefficients) {
      const linear = mod(alpha * vb + va * beta - gamma, p)
      const quadratic = mod(alpha * beta, p)
      let allowed: bigint | typeof ANY | typeof NONE
      if (quadratic === 0n) allowed = linear === 0n ? ANY : NONE
      else {
        const delta = mod(-linear * inverse(quadratic, p), p)
        allowed = delta === 0n ? NONE : delta
      }
      const current = status.get(wire)!
      if (allowed === ANY) continue
      if (current === ANY || allowed === NONE) status.set(wire, allowed)
      else if (current !== allowed) status.set(wire, NONE)
    }
  })
  const free: FreeSignal[] = []
  for (const wire of [...targets].sort((x, y) => x - y)) {
    const s = status.get(wire)!
    if (s === NONE) continue
    free.push(s === ANY ? { wire, delta: 1n, anyDelta: true } : { wire, delta: s, anyDelta: false })
  }
  return free
}
