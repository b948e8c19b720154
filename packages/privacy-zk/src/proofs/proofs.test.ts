import { type CircuitInput, ProofGenerationError, prove, terminateProver } from '@caldera/zk'
import { poseidon2 } from 'poseidon-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPrivacyArtifacts } from '../circuitArtifacts.js'
import { commitRecord } from '../commitment/poseidon.js'
import { DisclosureRejectedError, OutOfRangeError } from '../errors/privacy.js'
import { fieldCommitmentsOf } from '../record/recordCodec.js'
import { encodeFieldValue } from '../schema/encodeField.js'
import { shipmentFixture, shipmentSchema } from '../test/fixtures.js'
import { NotarizationTree } from '../tree/NotarizationTree.js'
import { buildDisclosureInput, type Disclosure, proveDisclosure, verifyDisclosure } from './disclosure.js'
import { proveMembership, verifyMembership } from './membership.js'
import { proveSelectiveDisclosure, verifySelectiveDisclosure } from './selective.js'
import { packStatement } from './statement.js'

const { record, tree, leafIndex } = shipmentFixture()
const coldChain = { min: '2', max: '8' }
const scope = 4711n
const statement = {
  fieldIndex: 3,
  min: encodeFieldValue(shipmentSchema, 'peakTemperature', '2'),
  max: encodeFieldValue(shipmentSchema, 'peakTemperature', '8'),
  scope,
}
let disclosure: Disclosure

beforeAll(async () => {
  disclosure = await proveDisclosure({
    record,
    field: 'peakTemperature',
    range: coldChain,
    merkleProof: tree.proof(leafIndex),
    scope,
  })
})
afterAll(() => terminateProver())

async function circuitRejects(input: CircuitInput) {
  const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
  await expect(prove({ artifacts, input })).rejects.toBeInstanceOf(ProofGenerationError)
}

describe('disclosure proof (off chain)', () => {
  it('proves 2 °C ≤ peak temperature ≤ 8 °C for a notarized record and verifies', async () => {
    expect(disclosure.publicSignals).toEqual([
      String(tree.root),
      String(disclosure.nullifier),
      String(disclosure.statement),
    ])
    expect(disclosure.statement).toBe(packStatement(statement))
    const claim = await verifyDisclosure({ ...disclosure, expected: { roots: [tree.root], statement } })
    expect(claim).toMatchObject({ fieldIndex: 3, scope, root: tree.root, nullifier: disclosure.nullifier })
    expect(disclosure.nullifier).toBe(poseidon2([record.salts[3]!, disclosure.statement]))
  })

  it('rejects a tampered proof and tampered public signals', async () => {
    const { proof, publicSignals } = disclosure
    const badProof = { ...proof, pi_c: [proof.pi_a[0]!, proof.pi_a[1]!, '1'] }
    await expect(verifyDisclosure({ proof: badProof, publicSignals })).rejects.toThrow(/proof is invalid/)
    const otherStatement = packStatement({ ...statement, max: statement.max - 100n })
    await expect(
      verifyDisclosure({ proof, publicSignals: [publicSignals[0]!, publicSignals[1]!, otherStatement] }),
    ).rejects.toThrow(/proof is invalid/)
    await expect(
      verifyDisclosure({ proof, publicSignals: [tree.root + 1n, publicSignals[1]!, publicSignals[2]!] }),
    ).rejects.toThrow(/proof is invalid/)
    await expect(
      verifyDisclosure({
        proof,
        publicSignals: [publicSignals[0]!, disclosure.nullifier + 1n, publicSignals[2]!],
      }),
    ).rejects.toThrow(/proof is invalid/)
    await expect(verifyDisclosure({ proof, publicSignals: publicSignals.slice(0, 2) })).rejects.toThrow(
      DisclosureRejectedError,
    )
  })

  it('rejects a valid proof of another statement or against an unknown root', async () => {
    await expect(
      verifyDisclosure({ ...disclosure, expected: { statement: { ...statement, min: statement.min + 1n } } }),
    ).rejects.toThrow(/different statement/)
    await expect(verifyDisclosure({ ...disclosure, expected: { roots: [123n] } })).rejects.toThrow(
      /not notarized/,
    )
  })

  it('a value out of range cannot be proved (API check and circuit assertion)', async () => {
    await expect(
      proveDisclosure({
        record,
        field: 'peakTemperature',
        range: { min: '2', max: '7' },
        merkleProof: tree.proof(leafIndex),
        scope,
      }),
    ).rejects.toBeInstanceOf(OutOfRangeError)
    const { input } = buildDisclosureInput({
      record,
      field: 'peakTemperature',
      range: { min: '2', max: '7' },
      merkleProof: tree.proof(leafIndex),
      scope,
    })
    await circuitRejects(input)
  })

  it('a wrong salt or a wrong Merkle path cannot be proved against the notarized root', async () => {
    const { input } = buildDisclosureInput({
      record,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof: tree.proof(leafIndex),
      scope,
    })
    await circuitRejects({ ...input, salt: (input.salt as bigint) + 1n })
    const siblings = (input.siblings as bigint[][]).map((row) => [...row])
    siblings[2]![5] = siblings[2]![5]! + 1n
    await circuitRejects({ ...input, siblings })
    await circuitRejects({ ...input, leafIndex: BigInt(leafIndex + 1) })
  })

  it('a proof with a wrong salt against a self-made tree verifies only for that unknown root', async () => {
    const salts = [...record.salts]
    salts[3] = salts[3]! + 1n
    const fieldCommitments = fieldCommitmentsOf(record.encoded, salts)
    const forged = {
      ...record,
      salts,
      fieldCommitments,
      commitment: commitRecord({ binding: record.binding, fieldCommitments }),
    }
    const fake = new NotarizationTree({ leaves: [forged.commitment] })
    const proof = await proveDisclosure({
      record: forged,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof: fake.proof(0),
      scope,
    })
    await expect(verifyDisclosure({ ...proof, expected: { roots: [fake.root] } })).resolves.toBeTruthy()
    await expect(verifyDisclosure({ ...proof, expected: { roots: [tree.root] } })).rejects.toThrow(
      /not notarized/,
    )
  })
})

describe('membership and selective disclosure', () => {
  it('proves membership in the notarized root without revealing the record', async () => {
    const { proof, publicSignals } = await proveMembership({ merkleProof: tree.proof(leafIndex) })
    expect(publicSignals).toEqual([String(tree.root)])
    await expect(verifyMembership({ proof, publicSignals, roots: [tree.root] })).resolves.toBe(true)
    await expect(
      verifyMembership({ proof, publicSignals: [tree.root + 1n], roots: [tree.root + 1n] }),
    ).rejects.toThrow(/invalid/)
  })

  it('discloses chosen fields with proof that all fields are committed', async () => {
    const result = await proveSelectiveDisclosure({ record, fields: ['shipmentId', 'carrier'] })
    const revealed = await verifySelectiveDisclosure({
      schema: shipmentSchema,
      proof: result.proof,
      publicSignals: result.publicSignals,
      recordCommitment: record.commitment,
    })
    expect(revealed).toEqual({
      shipmentId: encodeFieldValue(shipmentSchema, 'shipmentId', 'SHP-2041'),
      carrier: encodeFieldValue(shipmentSchema, 'carrier', 'ColdLine'),
    })
    // Claiming another carrier in the public signals breaks the proof.
    const forged = [...result.publicSignals]
    forged[2 + 5] = String(encodeFieldValue(shipmentSchema, 'carrier', 'AeroCool'))
    await expect(
      verifySelectiveDisclosure({
        schema: shipmentSchema,
        proof: result.proof,
        publicSignals: forged,
        recordCommitment: record.commitment,
      }),
    ).rejects.toThrow(/invalid/)
    // Undisclosed fields stay hidden: only the mask positions carry values.
    expect(result.publicSignals.slice(2).filter((s) => s !== '0')).toHaveLength(2)
  })
})
