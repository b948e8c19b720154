import {
  type CircuitInput,
  type Groth16Proof,
  prove,
  type SolidityProof,
  toSolidityCalldata,
  verify,
} from '@caldera/zk'
import { poseidon2 } from 'poseidon-lite'
import { type ArtifactsOption, loadPrivacyArtifacts, privacyCircuits } from '../circuitArtifacts.js'
import { DisclosureRejectedError, OutOfRangeError, PrivacyError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { OpenRecord } from '../record/types.js'
import { encodeFieldValue, getField } from '../schema/encodeField.js'
import type { FieldValue } from '../schema/fieldTypes.js'
import type { MerkleProof } from '../tree/NotarizationTree.js'
import { type DisclosureStatement, packStatement, unpackStatement } from './statement.js'

export type DisclosureRange = { min: FieldValue; max: FieldValue }

/** A disclosure proof with its public values, ready to verify off chain or submit on chain. */
export type Disclosure = {
  proof: Groth16Proof
  /** `[root, nullifier, statement]` as decimal strings. */
  publicSignals: string[]
  root: bigint
  /** One-time nullifier: `Poseidon(salt, statement)`. */
  nullifier: bigint
  /** Packed statement (see `packStatement`). */
  statement: bigint
  /** The unpacked statement (encoded bounds) and the field name. */
  decoded: DisclosureStatement & { field: string }
  /** Arguments for `DisclosureVerifier.disclose`. */
  calldata: SolidityProof
}

export type BuildDisclosureInputParameters = {
  record: OpenRecord
  field: string
  range: DisclosureRange
  merkleProof: MerkleProof
  /** uint32 context of the proof (e.g. a purchase-order id); one disclosure per record, field, range and scope. */
  scope: number | bigint
}

/**
 * The circuit input of a disclosure proof (exposed for custom provers and tests).
 *
 * @example
 * import { buildDisclosureInput } from '@caldera/privacy-zk'
 * const { input, statement } = buildDisclosureInput({ record, field: 'peakTemperature', range, merkleProof, scope: 1 })
 */
export function buildDisclosureInput(parameters: BuildDisclosureInputParameters): {
  input: CircuitInput
  statement: DisclosureStatement
  packed: bigint
  nullifier: bigint
} {
  check(inputSchemas.disclosureParameters, parameters, 'disclosure input')
  const { record, field, range, merkleProof, scope } = parameters
  const { schema } = record
  const definition = getField(schema, field)
  if (definition.type === 'string') {
    throw new PrivacyError(
      `Field "${field}" is a string; ranges apply to integer, decimal, timestamp and enum fields.`,
    )
  }
  const statement: DisclosureStatement = {
    fieldIndex: definition.index,
    min: encodeFieldValue(schema, field, range.min),
    max: encodeFieldValue(schema, field, range.max),
    scope: BigInt(scope),
  }
  const packed = packStatement(statement)
  const salt = record.salts[definition.index]!
  const nullifier = poseidon2([salt, packed])
  return {
    statement,
    packed,
    nullifier,
    input: {
      root: merkleProof.root,
      nullifier,
      statement: packed,
      value: record.encoded[definition.index]!,
      salt,
      fieldCommitments: record.fieldCommitments,
      binding: record.binding,
      leafIndex: BigInt(merkleProof.leafIndex),
      siblings: merkleProof.siblings,
    },
  }
}

export type ProveDisclosureParameters = BuildDisclosureInputParameters & { artifacts?: ArtifactsOption }

/**
 * Proves that a private field of a notarized record lies within a public range, without revealing
 * it: membership of the record commitment under `merkleProof.root`, the field's salted commitment
 * inside the record commitment, `min ≤ value ≤ max`, and a nullifier that blocks replays on chain.
 * Runs in browsers and Node (4,031 constraints).
 *
 * @throws OutOfRangeError when the value is outside the range (no proof exists).
 * @example
 * import { proveDisclosure } from '@caldera/privacy-zk'
 * const disclosure = await proveDisclosure({
 *   record, field: 'peakTemperature', range: { min: '2', max: '8' }, merkleProof: tree.proof(0), scope: 1,
 * })
 */
export async function proveDisclosure(parameters: ProveDisclosureParameters): Promise<Disclosure> {
  check(inputSchemas.disclosureParameters, parameters, 'disclosure')
  const { record, field, merkleProof } = parameters
  if (merkleProof.leaf !== record.commitment) {
    throw new PrivacyError('The Merkle proof is not for this record (its leaf is another commitment).')
  }
  const { input, statement, packed, nullifier } = buildDisclosureInput(parameters)
  const value = record.encoded[statement.fieldIndex]!
  if (value < statement.min || value > statement.max) {
    throw new OutOfRangeError({ field, min: String(parameters.range.min), max: String(parameters.range.max) })
  }
  const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure', artifacts: parameters.artifacts })
  const { proof, publicSignals } = await prove({ artifacts, input })
  return {
    proof,
    publicSignals,
    root: merkleProof.root,
    nullifier,
    statement: packed,
    decoded: { ...statement, field },
    calldata: toSolidityCalldata({ proof, publicSignals }),
  }
}

export type VerifyDisclosureParameters = {
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
  /** What the verifier requires; every given item must match the proof's public inputs. */
  expected?: {
    /** Roots the verifier accepts (e.g. read from the Notary). */
    roots?: readonly bigint[]
    statement?: DisclosureStatement
    nullifier?: bigint
  }
}

/**
 * Verifies a disclosure proof off chain (Groth16 verification key pinned in this package) and checks
 * its public inputs against what the verifier expects. Returns the root, nullifier and unpacked statement.
 *
 * @throws DisclosureRejectedError naming the first check that failed.
 * @example
 * import { verifyDisclosure } from '@caldera/privacy-zk'
 * const proved = await verifyDisclosure({ proof, publicSignals, expected: { roots: [root], statement } })
 */
export async function verifyDisclosure(
  parameters: VerifyDisclosureParameters,
): Promise<DisclosureStatement & { root: bigint; nullifier: bigint }> {
  check(inputSchemas.verifyDisclosure, parameters, 'disclosure check')
  const { proof, publicSignals, expected = {} } = parameters
  if (publicSignals.length !== 3)
    throw new DisclosureRejectedError(
      'A disclosure has exactly 3 public signals: root, nullifier, statement.',
    )
  const [root, nullifier, statement] = publicSignals.map((s) => BigInt(s)) as [bigint, bigint, bigint]
  const ok = await verify({
    verificationKey: privacyCircuits.disclosure.verificationKey,
    proof,
    publicSignals,
  })
  if (!ok) throw new DisclosureRejectedError('The disclosure proof is invalid.')
  if (expected.roots && !expected.roots.includes(root)) {
    throw new DisclosureRejectedError('The disclosure is for a root that is not notarized.', {
      metaMessages: [`root: ${root}`],
    })
  }
  if (expected.statement && packStatement(expected.statement) !== statement) {
    throw new DisclosureRejectedError('The disclosure proves a different statement than required.', {
      metaMessages: [
        `proved: ${JSON.stringify(unpackStatement(statement), (_, v) => (typeof v === 'bigint' ? String(v) : v))}`,
      ],
    })
  }
  if (expected.nullifier !== undefined && expected.nullifier !== nullifier) {
    throw new DisclosureRejectedError('The disclosure carries an unexpected nullifier.')
  }
  return { ...unpackStatement(statement), root, nullifier }
}
