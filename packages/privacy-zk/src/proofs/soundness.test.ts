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
import { buildDisclosureInput, claimOf } from './disclosure.js'

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

// Witness layout (circom): 0 constant, 1 root, 2 claim, then the private inputs in declaration order.
const WIRE = {
  root: 1,
  claim: 2,
  value: 3,
  salt: 4,
  fieldCommitments: 5,
  binding: 13,
  leafIndex: 14,
  siblings: 15,
  nullifierHigh: 71,
}

afterAll(() => terminateProver())

describe('disclosure circuit soundness', () => {
  it('the honest witness satisfies all constraints and the layout is as documented', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const witness = await calculateWitness({ artifacts, input: built.input })
    expect(r1cs.constraints.length).toBe(privacyCircuits.disclosure.constraints)
    expect(checkR1cs({ r1cs, witness })).toEqual([])
    expect(witness[WIRE.root]).toBe(tree.root)
    expect(witness[WIRE.claim]).toBe(built.claim)
    expect(witness[WIRE.value]).toBe(record.encoded[3])
    expect(witness[WIRE.nullifierHigh]).toBe(poseidon2([record.salts[3]!, built.packed]) >> 128n)
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
    expect(changed.slice(1, 3)).toEqual(witness.slice(1, 3))
  })

  it('a forged witness with an out-of-range value gives a proof that does not verify', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const witness = await calculateWitness({ artifacts, input: built.input })
    const forged = [...witness]
    forged[WIRE.value] = encodeFieldValue(shipmentSchema, 'peakTemperature', '12.5')
    expect(checkR1cs({ r1cs, witness: forged }).length).toBeGreaterThan(0)
    const { proof, publicSignals } = await proveWitness({ artifacts, witness: forged })
    expect(publicSignals).toEqual([String(tree.root), String(built.claim)])
    expect(
      await verify({ verificationKey: privacyCircuits.disclosure.verificationKey, proof, publicSignals }),
    ).toBe(false)
  })

  it('the aliased decomposition of the nullifier hash (a second nullifier) is refused', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const hash = poseidon2([record.salts[3]!, built.packed])
    // hash + p, when below 2^254, splits into another (low, high) pair that satisfies
    // low + high·2^128 ≡ hash (mod p): without the high < ⌊p / 2^128⌋ check it would be a second nullifier.
    const alias = hash + SNARK_SCALAR_FIELD
    const low = alias & ((1n << 128n) - 1n)
    const high = alias >> 128n
    expect((low + (high << 128n)) % SNARK_SCALAR_FIELD).toBe(hash)
    if (alias < 2n ** 254n) {
      await expect(
        calculateWitness({
          artifacts,
          input: {
            ...built.input,
            claim: claimOf({ nullifier: low, statement: built.packed }),
            nullifierHigh: high,
          },
        }),
      ).rejects.toBeInstanceOf(ProofGenerationError)
    } else {
      expect(high >= SNARK_SCALAR_FIELD >> 128n).toBe(true)
    }
    // A high part one above the honest one cannot be compensated either.
    await expect(
      calculateWitness({ artifacts, input: { ...built.input, nullifierHigh: (hash >> 128n) + 1n } }),
    ).rejects.toBeInstanceOf(ProofGenerationError)
  })

  it('a claim that is not a canonical packing cannot be proved', async () => {
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    // Statement above 2^115 (would let min/max overlap scope).
    const wide = built.nullifier + ((built.packed + (1n << 115n)) << 128n)
    await expect(
      calculateWitness({ artifacts, input: { ...built.input, claim: wide } }),
    ).rejects.toBeInstanceOf(ProofGenerationError)
  })
})
