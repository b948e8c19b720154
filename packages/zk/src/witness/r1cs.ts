import { check, inputSchemas } from '../internal/inputs.js'
import { readLE, readSections } from './binfile.js'

/** One linear combination: wire → coefficient. */
export type LinearCombination = ReadonlyArray<readonly [wire: number, coefficient: bigint]>

/** A parsed constraint system: `A·w × B·w = C·w` for every constraint. */
export type R1cs = {
  prime: bigint
  nWires: number
  nPublicOutputs: number
  nPublicInputs: number
  nPrivateInputs: number
  constraints: ReadonlyArray<readonly [LinearCombination, LinearCombination, LinearCombination]>
}

/**
 * Parses a circom `.r1cs` file.
 *
 * @example
 * import { parseR1cs } from '@caldera/zk'
 * const { constraints } = parseR1cs(r1csBytes)
 */
export function parseR1cs(bytes: Uint8Array): R1cs {
  check(inputSchemas.bytes, bytes, 'r1cs bytes')
  const sections = readSections(bytes, 'r1cs')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const h = sections.get(1)!.start
  const n8 = view.getUint32(h, true)
  const prime = readLE(bytes, h + 4, n8)
  let o = h + 4 + n8
  const nWires = view.getUint32(o, true)
  const nPublicOutputs = view.getUint32(o + 4, true)
  const nPublicInputs = view.getUint32(o + 8, true)
  const nPrivateInputs = view.getUint32(o + 12, true)
  const nConstraints = view.getUint32(o + 24, true)
  o = sections.get(2)!.start
  const readCombination = (): LinearCombination => {
    const terms = view.getUint32(o, true)
    o += 4
    const lc: (readonly [number, bigint])[] = []
    for (let t = 0; t < terms; t++) {
      lc.push([view.getUint32(o, true), readLE(bytes, o + 4, n8)])
      o += 4 + n8
    }
    return lc
  }
  const constraints = Array.from({ length: nConstraints }, () => {
    const a = readCombination()
    const b = readCombination()
    const c = readCombination()
    return [a, b, c] as const
  })
  return { prime, nWires, nPublicOutputs, nPublicInputs, nPrivateInputs, constraints }
}

function evaluate(lc: LinearCombination, witness: readonly bigint[], p: bigint): bigint {
  let sum = 0n
  for (const [wire, coefficient] of lc) sum += coefficient * witness[wire]!
  return sum % p
}

/**
 * Indexes of the constraints a witness violates (empty when it satisfies the circuit).
 *
 * @example
 * import { checkR1cs } from '@caldera/zk'
 * expect(checkR1cs({ r1cs, witness })).toEqual([])
 */
export function checkR1cs(options: { r1cs: R1cs; witness: readonly bigint[] }): number[] {
  check(inputSchemas.checkR1cs, options, 'checkR1cs options')
  const { r1cs, witness } = options
  const p = r1cs.prime
  const failing: number[] = []
  r1cs.constraints.forEach(([a, b, c], i) => {
    if ((evaluate(a, witness, p) * evaluate(b, witness, p) - evaluate(c, witness, p)) % p !== 0n)
      failing.push(i)
  })
  return failing
}

/**
 * Finds wires whose value can change alone while every constraint still holds, starting from a valid
 * witness: an under-constrained signal. Wire 0 (the constant) is skipped. A sound circuit returns
 * only wires that provably do not matter (documented "ignored" inputs).
 *
 * @example
 * import { findUnconstrainedWires } from '@caldera/zk'
 * const free = findUnconstrainedWires({ r1cs, witness })
 */
export function findUnconstrainedWires(options: {
  r1cs: R1cs
  witness: readonly bigint[]
  delta?: bigint
}): number[] {
  check(inputSchemas.unconstrained, options, 'findUnconstrainedWires options')
  const { r1cs, witness, delta = 1n } = options
  const p = r1cs.prime
  const values = r1cs.constraints.map(([a, b, c]) => [
    evaluate(a, witness, p),
    evaluate(b, witness, p),
    evaluate(c, witness, p),
  ])
  const uses = new Map<number, { constraint: number; a: bigint; b: bigint; c: bigint }[]>()
  r1cs.constraints.forEach(([a, b, c], constraint) => {
    const seen = new Map<number, { constraint: number; a: bigint; b: bigint; c: bigint }>()
    const add = (lc: LinearCombination, key: 'a' | 'b' | 'c') => {
      for (const [wire, coefficient] of lc) {
        const entry = seen.get(wire) ?? { constraint, a: 0n, b: 0n, c: 0n }
        entry[key] = (entry[key] + coefficient) % p
        seen.set(wire, entry)
      }
    }
    add(a, 'a')
    add(b, 'b')
    add(c, 'c')
    for (const [wire, entry] of seen) uses.set(wire, [...(uses.get(wire) ?? []), entry])
  })
  const free: number[] = []
  for (let wire = 1; wire < r1cs.nWires; wire++) {
    const holds = (uses.get(wire) ?? []).every(({ constraint, a, b, c }) => {
      const [va, vb, vc] = values[constraint]!
      const na = va! + a * delta
      const nb = vb! + b * delta
      const nc = vc! + c * delta
      return (na * nb - nc) % p === 0n
    })
    if (holds) free.push(wire)
  }
  return free
}
