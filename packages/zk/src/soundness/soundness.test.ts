import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  assertSignalsDetermined,
  calculateWitnessUnchecked,
  checkWitness,
  findFreeSignals,
  findUnconstrainedWires,
  InvalidWitnessError,
  mutateWitness,
  parseR1cs,
  parseSymbols,
  publicWires,
  type R1cs,
  UnderconstrainedSignalError,
  UnknownSignalError,
  wireOf,
} from '../exports/index.js'
import { compileCircuit, compileCircuitSymbols, sha256File } from '../exports/node.js'
import { calculateWitnessBytes } from '../internal/witnessCalculator.js'
import { decodeWitness } from '../witness/witness.js'

const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

// Two tiny circuits compiled here with the real toolchain (about a second each): one with the
// classic mistakes, one that constrains everything.
const SOURCE = `pragma circom 2.1.9;
include "circomlib/circuits/bitify.circom";

// Under-constrained on purpose.
template Careless() {
    signal input in;
    signal input root;
    signal input flag;
    signal output out;
    signal output square;
    out <-- in * in;          // assigned, never constrained
    square <== root * root;   // root is only determined up to its sign
    flag * (flag - 1) === 0;  // boolean, but nothing says which one
}

// The same, constrained.
template Careful() {
    signal input in;
    signal input root;
    signal output out;
    signal output square;
    out <== in * in;
    square <== root * root;
    component rootBits = Num2Bits(8);
    rootBits.in <== root;     // 0 <= root < 256 fixes the sign
    component inBits = Num2Bits(8);
    inBits.in <== in;
}
`

type Compiled = { r1cs: R1cs; wasm: Uint8Array; symbols: ReturnType<typeof parseSymbols> }
const dir = mkdtempSync(join(tmpdir(), 'caldera-zk-soundness-'))
const compiled: Record<'careless' | 'careful', Compiled> = {} as never

async function build(name: 'careless' | 'careful', template: string): Promise<void> {
  const out = join(dir, 'build', name)
  await mkdir(out, { recursive: true })
  const result = await compileCircuit({
    packageDir: dir,
    circuit: { name, file: 'circuits/tiny.circom', template, params: [], publicInputs: [] },
    outDir: out,
    sym: true,
  })
  compiled[name] = {
    r1cs: parseR1cs(new Uint8Array(readFileSync(result.r1csPath))),
    wasm: new Uint8Array(readFileSync(result.wasmPath)),
    symbols: parseSymbols(readFileSync(result.symPath!, 'utf8')),
  }
}

const witnessOf = async (c: Compiled, input: Record<string, bigint>) =>
  decodeWitness(await calculateWitnessBytes(c.wasm, input))

beforeAll(async () => {
  await mkdir(join(dir, 'circuits'), { recursive: true })
  writeFileSync(join(dir, 'circuits', 'tiny.circom'), SOURCE)
  await build('careless', 'Careless')
  await build('careful', 'Careful')
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('an under-constrained circuit is caught', () => {
  it('names the unconstrained output and the signals fixed only up to a second value', async () => {
    const c = compiled.careless
    const witness = await witnessOf(c, { in: 21n, root: 5n, flag: 1n })
    const wire = (signal: string) => wireOf({ symbols: c.symbols, signal })
    expect(checkWitness({ r1cs: c.r1cs, witness })).toEqual([])
    expect(witness[wire('out')]).toBe(441n)

    const free = findFreeSignals({ r1cs: c.r1cs, witness })
    // `in` takes part in no constraint: the compiler dropped its wire altogether.
    expect(() => wire('in')).toThrowError(/simplification removed it/)
    expect(free).toEqual(
      [
        { wire: wire('out'), delta: 1n, anyDelta: true },
        { wire: wire('root'), delta: P - 10n, anyDelta: false }, // 5 → −5
        { wire: wire('flag'), delta: P - 1n, anyDelta: false }, // 1 → 0
      ].sort((a, b) => a.wire - b.wire),
    )
    // findUnconstrainedWires only tries +1: it sees the output, not the sign of root nor the flag.
    expect(findUnconstrainedWires({ r1cs: c.r1cs, witness })).toEqual([wire('out')])
    // Every reported change really keeps every constraint: a forged witness the r1cs accepts.
    for (const { wire: w, delta } of free)
      expect(
        checkWitness({ r1cs: c.r1cs, witness: mutateWitness({ witness, add: { [w]: delta } }) }),
      ).toEqual([])
    expect(
      checkWitness({ r1cs: c.r1cs, witness: mutateWitness({ witness, set: { [wire('out')]: 7n } }) }),
    ).toEqual([])

    expect(() => assertSignalsDetermined({ r1cs: c.r1cs, witness, symbols: c.symbols })).toThrowError(
      UnderconstrainedSignalError,
    )
    try {
      assertSignalsDetermined({ r1cs: c.r1cs, witness, symbols: c.symbols })
    } catch (error) {
      expect((error as UnderconstrainedSignalError).signals.map((s) => s.name)).toEqual(['main.out'])
      expect((error as Error).message).toContain('main.out')
    }
    // Private signals checked on request.
    expect(() =>
      assertSignalsDetermined({ r1cs: c.r1cs, witness, wires: [wire('root')], symbols: c.symbols }),
    ).toThrowError(/main\.root/)
  })

  it('passes the constrained version and rejects every single-signal forgery of it', async () => {
    const c = compiled.careful
    const witness = await witnessOf(c, { in: 21n, root: 5n })
    expect(checkWitness({ r1cs: c.r1cs, witness })).toEqual([])
    expect(findFreeSignals({ r1cs: c.r1cs, witness })).toEqual([])
    expect(findUnconstrainedWires({ r1cs: c.r1cs, witness })).toEqual([])
    expect(assertSignalsDetermined({ r1cs: c.r1cs, witness })).toBe(2)
    expect(publicWires(c.r1cs)).toEqual([1, 2])
    const out = wireOf({ symbols: c.symbols, signal: 'main.out' })
    expect(
      checkWitness({ r1cs: c.r1cs, witness: mutateWitness({ witness, set: { [out]: 7n } }) }),
    ).not.toEqual([])
    // Every single wire, changed by +1, −1 or its other square root, breaks a constraint.
    for (let w = 1; w < c.r1cs.nWires; w++)
      for (const delta of [1n, -1n, -2n * witness[w]!])
        if (delta % P !== 0n)
          expect(
            checkWitness({ r1cs: c.r1cs, witness: mutateWitness({ witness, add: { [w]: delta } }) }),
          ).not.toEqual([])
    // The negative root (p − 5) squares to 25 too, but its bits cannot be forged.
    const root = wireOf({ symbols: c.symbols, signal: 'main.root' })
    expect(
      checkWitness({ r1cs: c.r1cs, witness: mutateWitness({ witness, set: { [root]: -5n } }) }),
    ).not.toEqual([])
  })

  it('predicts exactly which single-wire changes keep every constraint (property)', async () => {
    for (const c of [compiled.careless, compiled.careful]) {
      const inputs = c === compiled.careless ? { in: 3n, root: 200n, flag: 0n } : { in: 3n, root: 200n }
      const witness = await witnessOf(c, inputs)
      const free = new Map(findFreeSignals({ r1cs: c.r1cs, witness }).map((f) => [f.wire, f]))
      const delta = fc.oneof(
        fc.bigInt({ min: 1n, max: P - 1n }),
        fc.constantFrom(1n, P - 1n, 2n, P - 400n, ...[...free.values()].map((f) => f.delta)),
      )
      fc.assert(
        fc.property(fc.integer({ min: 1, max: c.r1cs.nWires - 1 }), delta, (wire, d) => {
          const holds = checkWitness({
            r1cs: c.r1cs,
            witness: mutateWitness({ witness, add: { [wire]: d } }),
          })
          const f = free.get(wire)
          const predicted = f !== undefined && (f.anyDelta || f.delta === d)
          return (holds.length === 0) === predicted
        }),
        { numRuns: 300, seed: 10 },
      )
    }
  })
})

describe('calculateWitnessUnchecked', () => {
  it('computes the witness past failed assertions: only the broken statement is violated', async () => {
    const c = compiled.careful
    const honest = await calculateWitnessUnchecked({ wasm: c.wasm, input: { in: 3n, root: 200n } })
    expect(honest.failedAssertions).toBe(0)
    expect(honest.witness).toEqual(await witnessOf(c, { in: 3n, root: 200n }))
    // root = 300 does not fit 8 bits: the generator's bits are 300's low 8 bits (44), the rest is honest.
    const forged = await calculateWitnessUnchecked({ wasm: c.wasm, input: { in: 3n, root: 300n } })
    expect(forged.failedAssertions).toBe(1)
    expect(forged.witness[wireOf({ symbols: c.symbols, signal: 'square' })]).toBe(90_000n)
    const violated = checkWitness({ r1cs: c.r1cs, witness: forged.witness })
    expect(violated.length).toBeGreaterThan(0)
    const rootBits = new Set(
      c.symbols.filter((s) => s.name.startsWith('main.rootBits.') && s.wire > 0).map((s) => s.wire),
    )
    for (const i of violated)
      expect(c.r1cs.constraints[i]!.some((lc) => lc.some(([w]) => rootBits.has(w)))).toBe(true)
    await expect(
      calculateWitnessUnchecked({ wasm: c.wasm, input: { in: 3n, nope: 1n } }),
    ).rejects.toThrowError(/Could not generate/)
  })
})

describe('compileCircuitSymbols', () => {
  it('gives the symbols of a committed circuit, from a compile that reproduces its r1cs', async () => {
    const packageDir = fileURLToPath(new URL('../..', import.meta.url))
    const { symbols, r1csSha256 } = await compileCircuitSymbols({ packageDir, circuit: 'preimage' })
    expect(r1csSha256).toBe(sha256File(join(packageDir, 'test/artifacts/preimage/preimage.r1cs')))
    // Layout: constant, public inputs (hash, tag), private inputs (secret[2]).
    expect(['hash', 'tag', 'secret[0]', 'secret[1]'].map((signal) => wireOf({ symbols, signal }))).toEqual([
      1, 2, 3, 4,
    ])
    await expect(compileCircuitSymbols({ packageDir, circuit: 'nope' })).rejects.toThrowError(
      /No circuit named nope/,
    )
  })
})

describe('input checks', () => {
  it('refuses a witness of the wrong shape and unknown signals', async () => {
    const c = compiled.careful
    const witness = await witnessOf(c, { in: 1n, root: 2n })
    expect(() => checkWitness({ r1cs: c.r1cs, witness: witness.slice(1) })).toThrowError(InvalidWitnessError)
    expect(() => checkWitness({ r1cs: c.r1cs, witness: [2n, ...witness.slice(1)] })).toThrowError(
      /constant 1/,
    )
    expect(() => mutateWitness({ witness, set: { 0: 5n } })).toThrowError(InvalidWitnessError)
    expect(() => mutateWitness({ witness, add: { [witness.length]: 1n } })).toThrowError(InvalidWitnessError)
    expect(() =>
      findFreeSignals({ r1cs: c.r1cs, witness: mutateWitness({ witness, add: { 1: 1n } }) }),
    ).toThrowError(/violates/)
    expect(() => wireOf({ symbols: c.symbols, signal: 'main.nope' })).toThrowError(UnknownSignalError)
    // Num2Bits' top bit is substituted by the others under --O2.
    expect(c.symbols.find((s) => s.name === 'main.inBits.out[7]')?.wire).toBe(-1)
    expect(() => wireOf({ symbols: c.symbols, signal: 'inBits.out[7]' })).toThrowError(/simplification/)
    expect(wireOf({ symbols: c.symbols, signal: 'inBits.out[0]' })).toBeGreaterThan(2)
    expect(() => parseSymbols('not,a,sym')).toThrowError(UnknownSignalError)
    // Values are field elements: −1 is p − 1.
    expect(mutateWitness({ witness, set: { 1: -1n } })[1]).toBe(P - 1n)
  })
})
