import { utf8ToBytes } from '@noble/hashes/utils.js'
import {
  commitField,
  commitRecord,
  EMPTY_FIELD_COMMITMENT,
  encryptionBinding,
  sha256ToField,
} from '../commitment/poseidon.js'
import type { RecordSchema } from '../schema/defineRecordSchema.js'
import { decodeFieldValue, encodeFieldValue } from '../schema/encodeField.js'
import { type FieldValue, MAX_FIELDS } from '../schema/fieldTypes.js'
import type { DecodedValue } from './types.js'

/** Hash of a data key bound into the record commitment (AES-GCM does not commit to its key). */
export function dataKeyHash(dataKey: Uint8Array): bigint {
  return sha256ToField(new Uint8Array([...utf8ToBytes('caldera/privacy-zk data key v1'), ...dataKey]))
}

/** Hash of the nonce and ciphertext bound into the record commitment. */
export function ciphertextHashOf(nonce: Uint8Array, ciphertext: Uint8Array): bigint {
  return sha256ToField(new Uint8Array([...nonce, ...ciphertext]))
}

/** Additional authenticated data of a record's ciphertext. */
export function recordAad(schema: RecordSchema): Uint8Array {
  return utf8ToBytes(`caldera/privacy-zk record v1:${schema.name}`)
}

/** Canonical text of a value (what the ciphertext stores and `OpenRecord.values` returns). */
export function canonicalValue(schema: RecordSchema, name: string, value: FieldValue): string {
  const field = schema.byName.get(name)!
  if (field.type === 'string') return value as string
  const decoded = decodeFieldValue(schema, name, encodeFieldValue(schema, name, value))
  return decoded instanceof Date ? String(Math.floor(decoded.getTime() / 1000)) : String(decoded)
}

/** Decoded value from its canonical text. */
export function valueFromCanonical(schema: RecordSchema, name: string, text: string): DecodedValue {
  const field = schema.byName.get(name)!
  if (field.type === 'string') return text
  return decodeFieldValue(schema, name, encodeFieldValue(schema, name, text))
}

/** Field commitments (8 slots) from encodings and salts. */
export function fieldCommitmentsOf(encoded: readonly bigint[], salts: readonly bigint[]): bigint[] {
  return Array.from({ length: MAX_FIELDS }, (_, i) =>
    i < encoded.length ? commitField({ value: encoded[i]!, salt: salts[i]! }) : EMPTY_FIELD_COMMITMENT,
  )
}

/** Everything the record commitment is computed from. */
export function recordCommitmentOf(parameters: {
  encoded: readonly bigint[]
  salts: readonly bigint[]
  keyHash: bigint
  ciphertextHash: bigint
}) {
  const fieldCommitments = fieldCommitmentsOf(parameters.encoded, parameters.salts)
  const binding = encryptionBinding(parameters)
  return { fieldCommitments, binding, commitment: commitRecord({ binding, fieldCommitments }) }
}
