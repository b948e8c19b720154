import type { LinearCombination, R1cs } from '../witness/r1cs.js'

/** `x mod p` in `[0, p)`, also for negative `x`. */
export function mod(x: bigint, p: bigint): bigint {
  const r = x % p
  return r < 0n ? r + p : r
}

/** Inverse of a non-zero `x` modulo the prime `p` (extended Euclid). */
export function inverse(x: bigint, p: bigint): bigint {
  let [a, b] = [mod(x, p), p]
  let [u, v] = [1n, 0n]
  while (a !== 0n) {
    const q = b / a
    ;[a, b] = [b - q * a, a]
    ;[u, v] = [v - q * u, u]
  }
  return mod(v, p)
}

/** `Σ coefficient · w[wire] mod p`. */
export function evaluate(lc: LinearCombination, witness: readonly bigint[], p: bigint): bigint {
  let sum = 0n
  for (const [wire, coefficient] of lc) sum += coefficient * witness[wire]!
  return mod(sum, p)
}

/** Each constraint's `[A·w, B·w, C·w]`. */
export function evaluateConstraints(r1cs: R1cs, witness: readonly bigint[]): [bigint, bigint, bigint][] {
  const p = r1cs.prime
  return r1cs.constraints.map(([a, b, c]) => [
    evaluate(a, witness, p),
    evaluate(b, witness, p),
    evaluate(c, witness, p),
  ])
}
