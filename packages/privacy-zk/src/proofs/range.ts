import { type Groth16Proof, prove, verify } from '@caldera/zk'
import { type ArtifactsOption, loadPrivacyArtifacts, privacyCircuits } from '../circuitArtifacts.js'
import { DisclosureRejectedError, OutOfRangeError, PrivacyError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { OpenRecord } from '../record/types.js'
import { encodeFieldValue, getField } from '../schema/encodeField.js'
import type { FieldValue } from '../schema/fieldTypes.js'

export type RangeProof = {
  proof: Groth16Proof
  /** `[fieldCommitment, min, max]`. */
  publicSignals: string[]
  fieldCommitment: bigint
  min: bigint
  max: bigint
}

/**
 * Proves that a committed private field lies in `[min, max]` (inclusive, in the field's units),
 * against the field's own salted commitment (e.g. age ≥ 18: `{ min: 18, max: 150 }`).
 *
 * @throws OutOfRangeError when the value is outside the range.
 * @example
 * import { proveRange } from '@caldera/privacy-zk'
 * const { proof, publicSignals } = await proveRange({ record, field: 'age', min: 18, max: 150 })
 */
export async function proveRange(parameters: {
  record: OpenRecord
  field: string
  min: FieldValue
  max: FieldValue
  artifacts?: ArtifactsOption
}): Promise<RangeProof> {
  check(inputSchemas.proveRange, parameters, 'range proof')
  const { record, field, min, max, artifacts } = parameters
  const { schema } = record
  const { index, type } = getField(schema, field)
  if (type === 'string') throw new PrivacyError(`Field "${field}" is a string and has no range.`)
  const lo = encodeFieldValue(schema, field, min)
  const hi = encodeFieldValue(schema, field, max)
  const value = record.encoded[index]!
  if (value < lo || value > hi) throw new OutOfRangeError({ field, min: String(min), max: String(max) })
  const fieldCommitment = record.fieldCommitments[index]!
  const loaded = await loadPrivacyArtifacts({ circuit: 'range', artifacts })
  const { proof, publicSignals } = await prove({
    artifacts: loaded,
    input: { commitment: fieldCommitment, min: lo, max: hi, value, salt: record.salts[index]! },
  })
  return { proof, publicSignals, fieldCommitment, min: lo, max: hi }
}

/**
 * Verifies a range proof and that it is about the expected field commitment and bounds.
 *
 * @throws DisclosureRejectedError
 * @example
 * import { verifyRange } from '@caldera/privacy-zk'
 * await verifyRange({ proof, publicSignals, expected: { fieldCommitment, min, max } })
 */
export async function verifyRange(parameters: {
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
  expected: { fieldCommitment: bigint; min: bigint; max: bigint }
}): Promise<true> {
  check(inputSchemas.verifyRange, parameters, 'range proof check')
  const { proof, publicSignals, expected } = parameters
  const ok = await verify({ verificationKey: privacyCircuits.range.verificationKey, proof, publicSignals })
  if (!ok) throw new DisclosureRejectedError('The range proof is invalid.')
  const [c, lo, hi] = publicSignals.map((s) => BigInt(s))
  if (c !== expected.fieldCommitment || lo !== expected.min || hi !== expected.max) {
    throw new DisclosureRejectedError('The range proof is about another commitment or range.')
  }
  return true
}
