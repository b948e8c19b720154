import {
  assertSignalsDetermined,
  checkWitness,
  findFreeSignals,
  findUnconstrainedWires,
  mutateWitness,
  proveWitness,
  publicWires,
  terminateProver,
  verify,
} from '@caldera/zk'
import fc from 'fast-check'
import { poseidon2 } from 'poseidon-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { privacyCircuits } from '../circuitArtifacts.js'
import { type CircuitUnderTest, circuitUnderTest, onlyTouching, P } from '../test/circuitHarness.js'

// RangeProof(40): public commitment = Poseidon(value, salt), min, max (each < 2^40); private value, salt.
const salt = 0x5eed_0001n
const inputFor = (value: bigint, min = 200n, max = 800n) => ({
  commitment: poseidon2([value, salt]),
  min,
  max,
  value,
  salt,
})

let range: CircuitUnderTest
beforeAll(async () => {
  range = await circuitUnderTest('range')
}, 60_000)
afterAll(() => terminateProver())

describe('range circuit: every signal determined', () => {
  it('an honest witness has no free signal but the benign widening of max', async () => {
    const witness = await range.witness(inputFor(740n))
    expect(checkWitness({ r1cs: range.r1cs, witness })).toEqual([])
    expect(findUnconstrainedWires({ r1cs: range.r1cs, witness })).toEqual([])
    expect(publicWires(range.r1cs)).toEqual([range.wire('commitment'), range.wire('min'), range.wire('max')])
    // Exact over the field: one single-wire change keeps every constraint. The compiler substituted
    // the top bit of maxBits and of range.high away, so max + 2^39 flips both implicitly: it proves
    // value <= max + 2^39, a weaker statement implied by the honest one (never a stronger claim).
    const free = findFreeSignals({ r1cs: range.r1cs, witness })
    expect(free).toEqual([{ wire: range.wire('max'), delta: 2n ** 39n, anyDelta: false }])
    const widened = mutateWitness({ witness, add: { [range.wire('max')]: 2n ** 39n } })
    expect(checkWitness({ r1cs: range.r1cs, witness: widened })).toEqual([])
    expect(widened[range.wire('max')]).toBe(800n + 2n ** 39n)
    // Every other signal, private and internal included, is determined.
    expect(
      assertSignalsDetermined({
        r1cs: range.r1cs,
        witness,
        wires: Array.from({ length: range.r1cs.nWires - 1 }, (_, i) => i + 1),
        ignore: [range.wire('max')],
        symbols: range.symbols,
      }),
    ).toBe(range.r1cs.nWires - 2)
    expect(
      assertSignalsDetermined({
        r1cs: range.r1cs,
        witness,
        wires: [range.wire('commitment'), range.wire('min')],
      }),
    ).toBe(2)
    // And concretely: each public signal changed alone, by several amounts, breaks a constraint.
    for (const wire of publicWires(range.r1cs))
      for (const delta of [1n, -1n, 2n ** 40n, P - witness[wire]! - 1n, -(2n ** 39n)])
        expect(
          checkWitness({ r1cs: range.r1cs, witness: mutateWitness({ witness, add: { [wire]: delta } }) }),
        ).not.toEqual([])
  })
})

describe('range circuit: malicious witnesses', () => {
  const high = () => range.wires('range.high.')
  const low = () => range.wires('range.low.')

  it("a value above max: the generator's forged bits break only the upper range check; its proof fails", async () => {
    const { witness, failedAssertions } = await range.forge(inputFor(812n))
    expect(failedAssertions).toBeGreaterThan(0)
    const violated = checkWitness({ r1cs: range.r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(range.r1cs, violated, high())).toBe(true)
    const { proof, publicSignals } = await proveWitness({ artifacts: range.artifacts, witness })
    expect(publicSignals).toEqual([String(poseidon2([812n, salt])), '200', '800'])
    expect(
      await verify({ verificationKey: privacyCircuits.range.verificationKey, proof, publicSignals }),
    ).toBe(false)
    // The honest witness proves and verifies with the same key (the check can pass).
    const honest = await proveWitness({
      artifacts: range.artifacts,
      witness: await range.witness(inputFor(740n)),
    })
    expect(await verify({ verificationKey: privacyCircuits.range.verificationKey, ...honest })).toBe(true)
  })

  it('field wrap-around: value − min ≡ p − 1 (value = min − 1, and value = p − 1 with min 0) is refused', async () => {
    for (const [value, min] of [
      [199n, 200n],
      [P - 1n, 0n],
    ] as const) {
      const forged = await range.forge(inputFor(value, min))
      expect(forged.failedAssertions).toBe(1)
      expect((forged.witness[range.wire('value')]! - min + P) % P).toBe(P - 1n)
      // The generator stopped at range.low: complete range.high honestly (max − value fits 40 bits).
      const witness = mutateWitness({
        witness: forged.witness,
        set: range.bits('range.high.out', 800n - value),
      })
      const violated = checkWitness({ r1cs: range.r1cs, witness })
      expect(violated.length).toBeGreaterThan(0)
      expect(onlyTouching(range.r1cs, violated, low())).toBe(true)
    }
  })

  it('a public bound outside 40 bits that would wrap the differences into range is refused', async () => {
    // min = p − 300 ("−300"): value − min = value + 300 fits 40 bits; only min's own bit check stops it.
    const min = P - 300n
    const forged = await range.forge(inputFor(5n, min, 800n))
    expect(forged.failedAssertions).toBe(1)
    // The generator stopped at minBits: complete the rest as a prover would (all of it consistent).
    const honest = await range.witness(inputFor(5n, 0n, 800n))
    const witness = mutateWitness({
      witness: forged.witness,
      set: {
        ...range.bits('maxBits.out', 800n),
        ...range.copy('c.', honest),
        ...range.bits('range.low.out', 5n - min),
        ...range.bits('range.high.out', 800n - 5n),
      },
    })
    const violated = checkWitness({ r1cs: range.r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(range.r1cs, violated, range.wires('minBits.'))).toBe(true)
    // max = 2^40 + 800: max − value fits 41 bits but max itself does not fit 40.
    const wide = await range.forge(inputFor(900n, 200n, 2n ** 40n + 800n))
    expect(checkWitness({ r1cs: range.r1cs, witness: wide.witness }).length).toBeGreaterThan(0)
  })

  it('hand-forged decompositions of max − value ≡ p − 12: boolean bits that do not sum, or a sum with a non-boolean bit', async () => {
    const { witness } = await range.forge(inputFor(812n))
    const bits = range.symbols
      .filter((s) => /^main\.range\.high\.out\[\d+\]$/.test(s.name) && s.wire > 0)
      .map((s) => ({ k: BigInt(/\[(\d+)\]/.exec(s.name)![1]!), wire: s.wire }))
    expect(bits.length).toBeGreaterThanOrEqual(39)
    const target = (800n - 812n + P) % P
    // (1) every bit of the low 40 bits of p − 12: booleans, wrong sum.
    const boolean = mutateWitness({
      witness,
      set: Object.fromEntries(bits.map(({ k, wire }) => [wire, (target >> k) & 1n])),
    })
    expect(checkWitness({ r1cs: range.r1cs, witness: boolean }).length).toBeGreaterThan(0)
    // (2) bit 0 absorbs the rest so that Σ bits·2^k ≡ p − 12 holds exactly: it is not boolean.
    const rest = bits.filter(({ k }) => k > 0n).reduce((s, { k, wire }) => s + witness[wire]! * 2n ** k, 0n)
    const bit0 = bits.find(({ k }) => k === 0n)!.wire
    const absorbed = mutateWitness({ witness, set: { [bit0]: (target - rest + P * 4n) % P } })
    const violated = checkWitness({ r1cs: range.r1cs, witness: absorbed })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(range.r1cs, violated, [bit0])).toBe(true)
  })

  it('property: a value outside [min, max] never satisfies the r1cs; one inside always does', async () => {
    const bound = fc.bigInt({ min: 0n, max: 2n ** 40n - 1n })
    await fc.assert(
      fc.asyncProperty(
        bound,
        bound,
        fc.oneof(bound, fc.bigInt({ min: 0n, max: P - 1n })),
        async (a, b, value) => {
          const [min, max] = a <= b ? [a, b] : [b, a]
          const { witness, failedAssertions } = await range.forge(inputFor(value, min, max))
          const inside = value >= min && value <= max
          const violated = checkWitness({ r1cs: range.r1cs, witness })
          return inside ? failedAssertions === 0 && violated.length === 0 : violated.length > 0
        },
      ),
      { numRuns: 60, seed: 40 },
    )
  })
})
