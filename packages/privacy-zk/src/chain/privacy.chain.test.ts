import { disclosureVerifierAbi } from '@caldera/contracts'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { calculateWitness, proveWitness, terminateProver, toSolidityCalldata } from '@caldera/zk'
import { type BaseError, ContractFunctionRevertedError, parseEventLogs } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPrivacyArtifacts } from '../circuitArtifacts.js'
import { commitRecord } from '../commitment/poseidon.js'
import { OutOfRangeError } from '../errors/privacy.js'
import {
  buildDisclosureInput,
  type Disclosure,
  proveDisclosure,
  verifyDisclosure,
} from '../proofs/disclosure.js'
import { proveRange, verifyRange } from '../proofs/range.js'
import { packStatement, unpackStatement } from '../proofs/statement.js'
import { openRecord } from '../record/openRecord.js'
import { fieldCommitmentsOf } from '../record/recordCodec.js'
import { sealRecord } from '../record/sealRecord.js'
import { decodeFieldValue, encodeFieldValue } from '../schema/encodeField.js'
import { auditor, owner, patientSchema, shipmentFixture, shipmentSchema } from '../test/fixtures.js'
import { NotarizationTree } from '../tree/NotarizationTree.js'
import { deployPrivacyContracts } from './deployPrivacyContracts.js'
import { isKnownRoot, notarizeRoot } from './notarizeRoot.js'
import { isNullifierUsed, submitDisclosure } from './submitDisclosure.js'

let devnet: Devnet
let verifier: `0x${string}`
let implementations: { notary: `0x${string}`; disclosureVerifier: `0x${string}` }

beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'enterprise' }] })
  ;({ disclosureVerifier: verifier, implementations } = await deployPrivacyContracts(
    devnet.chain('enterprise').walletClient,
  ))
})
afterAll(async () => {
  await devnet?.stop()
  await terminateProver()
})

const wallet = () => devnet.chain('enterprise').walletClient
const reader = () => devnet.chain('enterprise').publicClient

/** The custom error a call reverts with, from a simulation. */
async function revertName(disclosure: Pick<Disclosure, 'calldata' | 'root' | 'nullifier' | 'statement'>) {
  try {
    await submitDisclosure(wallet(), { verifier, disclosure })
  } catch (error) {
    const reverted = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError)
    if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName
    throw error
  }
  return 'accepted'
}

/** Sends without simulation and returns the mined status (explicit gas). */
async function sendRaw(disclosure: Pick<Disclosure, 'calldata' | 'root' | 'nullifier' | 'statement'>) {
  const { receipt } = await submitDisclosure(wallet(), { verifier, disclosure, simulate: false })
  return receipt.status
}

describe('supply chain: a shipment stayed within 2–8 °C', () => {
  const { record, sealed, tree, leafIndex } = shipmentFixture()
  const purchaseOrder = 70_001n
  const coldChain = { min: '2', max: '8' }
  let peak: Disclosure

  it('the shipper notarizes the batch and proves both extremes to the buyer, who verifies on chain', async () => {
    const { batchNumber } = await notarizeRoot(wallet(), {
      notary: verifier,
      root: tree.root,
      recordCount: tree.size,
    })
    expect(batchNumber).toBe(1n)
    expect(await isKnownRoot(reader(), { notary: verifier, root: tree.root })).toBe(true)

    const merkleProof = tree.proof(leafIndex)
    const low = await proveDisclosure({
      record,
      field: 'lowestTemperature',
      range: coldChain,
      merkleProof,
      scope: purchaseOrder,
    })
    peak = await proveDisclosure({
      record,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof,
      scope: purchaseOrder,
    })

    // The buyer never sees the readings: only roots, nullifiers and statements.
    for (const [disclosure, field] of [
      [low, 'lowestTemperature'],
      [peak, 'peakTemperature'],
    ] as const) {
      const statement = {
        fieldIndex: shipmentSchema.byName.get(field)!.index,
        min: encodeFieldValue(shipmentSchema, field, '2'),
        max: encodeFieldValue(shipmentSchema, field, '8'),
        scope: purchaseOrder,
      }
      await verifyDisclosure({ ...disclosure, expected: { roots: [tree.root], statement } })
      const { receipt } = await submitDisclosure(wallet(), { verifier, disclosure })
      expect(receipt.status).toBe('success')
      expect(receipt.gasUsed).toBeLessThan(300_000n)
      const [event] = parseEventLogs({
        abi: disclosureVerifierAbi,
        logs: receipt.logs,
        eventName: 'Disclosed',
      })
      expect(event?.args).toMatchObject({
        nullifier: disclosure.nullifier,
        root: tree.root,
        statement: packStatement(statement),
      })
      expect(unpackStatement(event!.args.statement).scope).toBe(purchaseOrder)
      expect(await isNullifierUsed(reader(), { verifier, nullifier: disclosure.nullifier })).toBe(true)
    }
  })

  it('a replayed proof is rejected on chain (simulated and mined)', async () => {
    expect(await revertName(peak)).toBe('NullifierAlreadyUsed')
    expect(await sendRaw(peak)).toBe('reverted')
  })

  it('the auditor decrypts the shipment with the view key', () => {
    const opened = openRecord({ schema: shipmentSchema, sealed, privateKey: auditor.privateKey })
    expect(opened.commitment).toBe(record.commitment)
    expect(opened.values.lowestTemperature).toBe('2.80')
    expect(opened.values.peakTemperature).toBe('7.40')
    expect(opened.values.carrier).toBe('ColdLine')
    expect(opened.values.product).toBe('insulin pens')
  })

  it('rejects on chain: tampered proof, tampered public signal, out-of-range value, wrong salt, wrong path', async () => {
    const merkleProof = tree.proof(leafIndex)
    const fresh = await proveDisclosure({
      record,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof,
      scope: purchaseOrder + 1n,
    })

    // Tampered proof.
    const { a, b, c, inputs } = fresh.calldata
    const tampered = { ...fresh, calldata: { a, b, c: [c[0], c[1] + 1n] as const, inputs } }
    expect(await revertName(tampered)).toBe('InvalidProof')
    expect(await sendRaw(tampered)).toBe('reverted')

    // Tampered public signal: claim a tighter range [2, 7.4] with the same proof.
    const claimed = unpackStatement(fresh.statement)
    const tighter = { ...fresh, statement: packStatement({ ...claimed, max: claimed.max - 60n }) }
    expect(await revertName(tighter)).toBe('InvalidProof')
    // Another nullifier (to dodge the replay check) breaks the proof as well.
    expect(await revertName({ ...fresh, nullifier: fresh.nullifier ^ 1n })).toBe('InvalidProof')

    // Out-of-range value: no honest proof exists; a proof from a forged witness fails on chain.
    await expect(
      proveDisclosure({
        record,
        field: 'peakTemperature',
        range: { min: '2', max: '7' },
        merkleProof,
        scope: 5n,
      }),
    ).rejects.toBeInstanceOf(OutOfRangeError)
    const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure' })
    const strict = buildDisclosureInput({
      record,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof,
      scope: 5n,
    })
    const witness = await calculateWitness({ artifacts, input: strict.input })
    witness[3] = encodeFieldValue(shipmentSchema, 'peakTemperature', '9.5')
    const forged = await proveWitness({ artifacts, witness })
    expect(
      await revertName({
        calldata: toSolidityCalldata(forged),
        root: tree.root,
        nullifier: strict.nullifier,
        statement: strict.packed,
      }),
    ).toBe('InvalidProof')

    // Wrong salt: the record commitment changes, so the proof is against a root never notarized.
    const salts = [...record.salts]
    salts[3] = salts[3]! + 1n
    const fieldCommitments = fieldCommitmentsOf(record.encoded, salts)
    const wrongSalt = {
      ...record,
      salts,
      fieldCommitments,
      commitment: commitRecord({ binding: record.binding, fieldCommitments }),
    }
    const fakeTree = new NotarizationTree({
      leaves: tree.leaves.map((l) => (l === record.commitment ? wrongSalt.commitment : l)),
    })
    const saltProof = await proveDisclosure({
      record: wrongSalt,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof: fakeTree.proof(leafIndex),
      scope: 6n,
    })
    expect(await revertName(saltProof)).toBe('UnknownRoot')
    expect(await sendRaw(saltProof)).toBe('reverted')

    // Wrong Merkle path: the record placed at another index gives another (unknown) root.
    const moved = new NotarizationTree({
      leaves: [record.commitment, ...tree.leaves.filter((l) => l !== record.commitment)],
    })
    const pathProof = await proveDisclosure({
      record,
      field: 'peakTemperature',
      range: coldChain,
      merkleProof: moved.proof(0),
      scope: 7n,
    })
    expect(await revertName(pathProof)).toBe('UnknownRoot')
    // Re-targeting that proof at the notarized root fails verification.
    expect(
      await revertName({
        ...pathProof,
        root: tree.root,
        calldata: { ...pathProof.calldata, inputs: [tree.root, pathProof.nullifier, pathProof.statement] },
      }),
    ).toBe('InvalidProof')

    // Nothing rejected was spent; the honest fresh proof still goes through.
    expect(await isNullifierUsed(reader(), { verifier, nullifier: fresh.nullifier })).toBe(false)
    expect((await submitDisclosure(wallet(), { verifier, disclosure: fresh })).receipt.status).toBe('success')
  })
})

describe('healthcare: a patient is at least 18 without revealing the birth date', () => {
  const now = new Date('2026-11-25T00:00:00Z')
  const cutoff = new Date(now)
  cutoff.setUTCFullYear(now.getUTCFullYear() - 18)
  const adultAge = { min: new Date(0), max: cutoff }
  const seal = (birthDate: string, id: string) =>
    sealRecord({
      schema: patientSchema,
      values: { patientId: id, birthDate, bloodType: 'AB' },
      recipients: [owner.publicKey],
      auditors: [auditor.publicKey],
    })
  const adult = seal('2001-06-15T00:00:00Z', 'P-1')
  const minor = seal('2010-02-01T00:00:00Z', 'P-2')
  const tree = new NotarizationTree({ leaves: [adult.record.commitment, minor.record.commitment] })

  it('proves age ≥ 18 off chain (range proof) and on chain (disclosure) on anvil', async () => {
    // The clinic's own verifier, a second clone of the same implementations.
    ;({ disclosureVerifier: verifier } = await deployPrivacyContracts(wallet(), { implementations }))
    const range = await proveRange({ record: adult.record, field: 'birthDate', ...adultAge })
    await verifyRange({
      proof: range.proof,
      publicSignals: range.publicSignals,
      expected: {
        fieldCommitment: adult.record.fieldCommitments[1]!,
        min: 0n,
        max: encodeFieldValue(patientSchema, 'birthDate', cutoff),
      },
    })
    expect(range.publicSignals.join(',')).not.toContain(String(adult.record.encoded[1]))

    await notarizeRoot(wallet(), { notary: verifier, root: tree.root, recordCount: tree.size })
    const clinicVisit = 31n
    const disclosure = await proveDisclosure({
      record: adult.record,
      field: 'birthDate',
      range: adultAge,
      merkleProof: tree.proof(0),
      scope: clinicVisit,
    })
    const { receipt } = await submitDisclosure(wallet(), { verifier, disclosure })
    expect(receipt.status).toBe('success')
    const claim = unpackStatement(disclosure.statement)
    expect(decodeFieldValue(patientSchema, 'birthDate', claim.max)).toEqual(cutoff)
    expect(await revertName(disclosure)).toBe('NullifierAlreadyUsed')
  })

  it('a 16-year-old cannot prove it, and the auditor still reads the record', async () => {
    await expect(
      proveDisclosure({
        record: minor.record,
        field: 'birthDate',
        range: adultAge,
        merkleProof: tree.proof(1),
        scope: 31n,
      }),
    ).rejects.toBeInstanceOf(OutOfRangeError)
    await expect(
      proveRange({ record: minor.record, field: 'birthDate', ...adultAge }),
    ).rejects.toBeInstanceOf(OutOfRangeError)
    const opened = openRecord({ schema: patientSchema, sealed: minor.sealed, privateKey: auditor.privateKey })
    expect(opened.values.birthDate).toEqual(new Date('2010-02-01T00:00:00Z'))
  })
})

describe('Notary', () => {
  it('is initialized once, only the notarizer notarizes, roots are field elements, counts grow', async () => {
    const { notary } = await deployPrivacyContracts(wallet(), { implementations })
    const { notaryAbi } = await import('@caldera/contracts')
    const [, stranger] = devnet.chain('enterprise').accounts
    const fail = async (call: () => Promise<unknown>) => {
      try {
        await call()
      } catch (error) {
        const reverted = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError)
        return reverted instanceof ContractFunctionRevertedError ? reverted.data?.errorName : String(error)
      }
      return 'accepted'
    }
    const simulate = (
      functionName: 'initialize' | 'notarize',
      args: readonly unknown[],
      account = wallet().account,
    ) => reader().simulateContract({ address: notary, abi: notaryAbi, functionName, args, account } as never)
    expect(
      await fail(() => simulate('initialize', [owner.publicKey.slice(0, 42), owner.publicKey.slice(0, 42)])),
    ).toBe('InvalidInitialization')
    expect(await fail(() => simulate('notarize', [5n, 1n], stranger as never))).toBe(
      'AccessControlUnauthorizedAccount',
    )
    expect(await fail(() => simulate('notarize', [2n ** 254n, 1n]))).toBe('RootOutOfField')
    await notarizeRoot(wallet(), { notary, root: 5n, recordCount: 3 })
    expect(await fail(() => simulate('notarize', [5n, 4n]))).toBe('RootAlreadyNotarized')
    expect(await fail(() => simulate('notarize', [6n, 3n]))).toBe('RecordCountNotIncreasing')
    const { batchNumber } = await notarizeRoot(wallet(), { notary, root: 6n, recordCount: 4 })
    expect(batchNumber).toBe(2n)
    expect(await reader().readContract({ address: notary, abi: notaryAbi, functionName: 'latestRoot' })).toBe(
      6n,
    )
  })
})
