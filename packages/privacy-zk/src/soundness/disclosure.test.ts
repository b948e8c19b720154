import {
  assertSignalsDetermined,
  calculateWitness,
  checkWitness,
  findFreeSignals,
  findUnconstrainedWires,
  mutateWitness,
  proveWitness,
  publicWires,
  terminateProver,
  verify,
} from '@caldera/zk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDisclosureInput, loadPrivacyArtifacts, privacyCircuits } from '../exports/index.js'
import { committedR1cs } from '../test/circuitHarness.js'
import { shipmentFixture } from '../test/fixtures.js'

// Generic checks driven by the committed r1cs and the public input builder only: they hold for any
// design of the disclosure circuit (no signal names), so they keep guarding it while it evolves.
const r1cs = committedR1cs('disclosure')
const { record, tree, leafIndex } = shipmentFixture()
const inputFor = (scope: bigint) =>
  buildDisclosureInput({
    record,
    field: 'peakTemperature',
    range: { min: '2', max: '8' },
    merkleProof: tree.proof(leafIndex),
    scope,
  }).input

let witness: bigint[]
let other: bigint[]
beforeAll(async () => {
  const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
  witness = await calculateWitness({ artifacts, input: inputFor(9n) })
  other = await calculateWitness({ artifacts, input: inputFor(10n) })
}, 60_000)
afterAll(() => terminateProver())

const nPublic = r1cs.nPublicOutputs + r1cs.nPublicInputs
const firstPrivateInput = 1 + nPublic
const privateInputs = new Set(Array.from({ length: r1cs.nPrivateInputs }, (_, i) => firstPrivateInput + i))

describe('disclosure circuit: generic soundness', () => {
  it('the committed r1cs, pins and witness generator agree', () => {
    expect(r1cs.constraints.length).toBe(privacyCircuits.disclosure.constraints)
    expect(nPublic).toBe(privacyCircuits.disclosure.verificationKey.nPublic)
    expect(witness).toHaveLength(r1cs.nWires)
    expect(checkWitness({ r1cs, witness })).toEqual([])
    expect(checkWitness({ r1cs, witness: other })).toEqual([])
  })

  it('every public signal is determined; the only free wires are private inputs the circuit ignores', () => {
    expect(assertSignalsDetermined({ r1cs, witness })).toBe(nPublic)
    const free = findFreeSignals({ r1cs, witness })
    for (const f of free) {
      expect(privateInputs.has(f.wire)).toBe(true) // never an output, public input or internal signal
      expect(f.anyDelta).toBe(true) // ignored outright, not a second root of some equation
    }
    const freeWires = free.map((f) => f.wire)
    expect(findUnconstrainedWires({ r1cs, witness }).every((w) => freeWires.includes(w))).toBe(true)
    // Ignored means ignored: all of them changed at once still satisfy every constraint.
    const scribbled = mutateWitness({ witness, set: Object.fromEntries(freeWires.map((w) => [w, 777_777n])) })
    expect(checkWitness({ r1cs, witness: scribbled })).toEqual([])
    // Every other wire of the circuit, internal ones included, is determined.
    const rest = Array.from({ length: r1cs.nWires - 1 }, (_, i) => i + 1).filter(
      (w) => !freeWires.includes(w),
    )
    expect(assertSignalsDetermined({ r1cs, witness, wires: rest })).toBe(r1cs.nWires - 1 - freeWires.length)
  })

  it('each public signal changed alone, by several amounts, breaks a constraint', () => {
    let mutations = 0
    for (const wire of publicWires(r1cs))
      for (const delta of [1n, -1n, 1n << 128n, 3n ** 100n]) {
        expect(
          checkWitness({ r1cs, witness: mutateWitness({ witness, add: { [wire]: delta } }) }),
        ).not.toEqual([])
        mutations++
      }
    expect(mutations).toBe(4 * nPublic)
  })

  it("another statement's public signals over this witness are refused, and its proof fails", async () => {
    const differing = publicWires(r1cs).filter((w) => witness[w] !== other[w])
    expect(differing.length).toBeGreaterThan(0)
    const forged = mutateWitness({ witness, set: Object.fromEntries(differing.map((w) => [w, other[w]!])) })
    expect(checkWitness({ r1cs, witness: forged }).length).toBeGreaterThan(0)
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const { proof, publicSignals } = await proveWitness({ artifacts, witness: forged })
    expect(publicSignals).toEqual(publicWires(r1cs).map((w) => String(other[w])))
    expect(
      await verify({ verificationKey: privacyCircuits.disclosure.verificationKey, proof, publicSignals }),
    ).toBe(false)
  })
})
