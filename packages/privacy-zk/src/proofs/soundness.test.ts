import { readFileSync } from 'node:fs'
import {
  calculateWitness,
  checkR1cs,
  findUnconstrainedWires,
  ProofGenerationError,
  parseR1cs,
  proveWitness,
  terminateProver,
  verify,
} from '@caldera/zk'
import { poseidon2 } from 'poseidon-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPrivacyArtifacts, privacyCircuits } from '../circuitArtifacts.js'
import { SNARK_SCALAR_FIELD } from '../commitment/poseidon.js'
import { encodeFieldValue } from '../schema/encodeField.js'
import { shipmentFixture, shipmentSchema } from '../test/fixtures.js'
import { buildDisclosureInput } from './disclosure.js'

const { record, tree, leafIndex } = shipmentFixture()
const r1cs = parseR1cs(
  new Uint8Array(readFileSync(new URL('../../artifacts/disclosure/disclosure.r1cs', import.meta.url))),
)
const built = buildDisclosureInput({
  record,
  field: 'peakTemperature',
  range: { min: '2', max: '8' },
  merkleProof: tree.proof(leafIndex),
  scope: 9n,
})

// Witness layout (circom): 0 constant, 1 root, 2 nullifier, 3 statement, then the private inputs in
// declaration order.
const WIRE = {
  root: 1,
  nullifier: 2,
  statement: 3,
  value: 4,
  salt: 5,
  fieldCommitments: 6,
  binding: 14,
  leafIndex: 15,
  siblings: 16,
}

afterAll(() => terminateProver())

describe('disclosure circuit soundness', () => {
  it('the honest witness satisfies all constraints and the layout is as documented', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const witness = await calculateWitness({ artifacts, input: built.input })
    expect(r1cs.constraints.length).toBe(privacyCircuits.disclosure.constraints)
    expect(checkR1cs({ r1cs, witness })).toEqual([])
    expect(witness[WIRE.root]).toBe(tree.root)
    expect(witness[WIRE.nullifier]).toBe(poseidon2([record.salts[3]!, built.packed]))
    expect(witness[WIRE.statement]).toBe(built.packed)
    expect(witness[WIRE.value]).toBe(record.encoded[3])
  })

  it('no signal is under-constrained except the documented ignored slots', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const witness = await calculateWitness({ artifacts, input: built.input })
    const free = findUnconstrainedWires({ r1cs, witness })
    // The only free wires are the slots that PlaceAt8 overwrites: the disclosed field's own slot in
    // fieldCommitments and, at each tree level, the path node's own slot in siblings.
    const ignored = [WIRE.fieldCommitments + 3]
    let position = leafIndex
    for (let level = 0; level < 7; level++) {
      ignored.push(WIRE.siblings + level * 8 + (position % 8))
      position = Math.floor(position / 8)
    }
    expect(free).toEqual(ignored.sort((a, b) => a - b))
    // Changing them keeps every constraint and every public signal: they carry no meaning.
    const changed = [...witness]
    for (const wire of free) changed[wire] = 424242n
    expect(checkR1cs({ r1cs, witness: changed })).toEqual([])
    expect(changed.slice(1, 4)).toEqual(witness.slice(1, 4))
  })

  it('a forged witness with an out-of-range value gives a proof that does not verify', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const witness = await calculateWitness({ artifacts, input: built.input })
    const forged = [...witness]
    forged[WIRE.value] = encodeFieldValue(shipmentSchema, 'peakTemperature', '12.5')
    expect(checkR1cs({ r1cs, witness: forged }).length).toBeGreaterThan(0)
    const { proof, publicSignals } = await proveWitness({ artifacts, witness: forged })
    expect(publicSignals).toEqual([String(tree.root), String(built.nullifier), String(built.packed)])
    expect(
      await verify({ verificationKey: privacyCircuits.disclosure.verificationKey, proof, publicSignals }),
    ).toBe(false)
  })

  it('only Poseidon(salt, statement) is accepted as the nullifier', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    // Another value, the nullifier of another scope, and the honest one shifted by the field
    // modulus (the same residue written as a non-canonical integer) are all refused.
    const otherScope = poseidon2([record.salts[3]!, built.packed + (1n << 83n)])
    for (const nullifier of [built.nullifier + 1n, otherScope, 0n]) {
      await expect(
        calculateWitness({ artifacts, input: { ...built.input, nullifier } }),
      ).rejects.toBeInstanceOf(ProofGenerationError)
    }
    // At the constraint level: a witness whose nullifier wire differs violates the r1cs.
    const witness = await calculateWitness({ artifacts, input: built.input })
    const forged = [...witness]
    forged[WIRE.nullifier] = (witness[WIRE.nullifier]! + 1n) % SNARK_SCALAR_FIELD
    expect(checkR1cs({ r1cs, witness: forged }).length).toBeGreaterThan(0)
  })

  it('a statement that is not a canonical packing cannot be proved', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    // Statement at or above 2^115 (would let min/max overlap scope), with its matching nullifier.
    const wide = built.packed + (1n << 115n)
    await expect(
      calculateWitness({
        artifacts,
        input: { ...built.input, statement: wide, nullifier: poseidon2([record.salts[3]!, wide]) },
      }),
    ).rejects.toBeInstanceOf(ProofGenerationError)
    // The same statement wrapped around the field (statement + p) is the same public input, so it
    // proves the same claim: the contract and verifyDisclosure read statements below 2^115 only.
    const witness = await calculateWitness({ artifacts, input: built.input })
    const forged = [...witness]
    forged[WIRE.statement] = witness[WIRE.statement]! + (1n << 115n)
    expect(checkR1cs({ r1cs, witness: forged }).length).toBeGreaterThan(0)
  })
})
