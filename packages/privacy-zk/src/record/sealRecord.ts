import { parse } from '@caldera/core'
import { randomBytes } from '@noble/ciphers/utils.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import type { Hex } from 'viem'
import { z } from 'zod'
import { randomSalt } from '../commitment/poseidon.js'
import { seal } from '../crypto/aead.js'
import { toHex } from '../crypto/keys.js'
import { wrapKey } from '../crypto/wrapKey.js'
import { FieldEncodingError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { RecordSchema } from '../schema/defineRecordSchema.js'
import { encodeFieldValue } from '../schema/encodeField.js'
import { type FieldValue, MAX_FIELDS } from '../schema/fieldTypes.js'
import {
  canonicalValue,
  ciphertextHashOf,
  dataKeyHash,
  recordAad,
  recordCommitmentOf,
  valueFromCanonical,
} from './recordCodec.js'
import type { OpenRecord, SealedRecord } from './types.js'

const publicKeySchema = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'a 32-byte x25519 public key (0x-hex)')
const keysSchema = z.object({
  recipients: z.array(publicKeySchema).min(1),
  auditors: z.array(publicKeySchema).default([]),
})

export type SealRecordParameters<names extends string> = {
  schema: RecordSchema<names>
  /** A value for every field of the schema. */
  values: { [name in names]: FieldValue }
  /** x25519 public keys that may open the record (at least one, usually the owner). */
  recipients: readonly Hex[]
  /** Auditor view keys (x25519 public keys) that may also open it. */
  auditors?: readonly Hex[]
}

export type SealRecordReturnType = {
  /** The holder's view: values, salts, commitments. Keep private. */
  record: OpenRecord
  /** The encrypted, shareable form. */
  sealed: SealedRecord
}

/**
 * Encrypts a record under a fresh data key (AES-256-GCM), wraps the key to each recipient and
 * auditor (x25519 ECDH + HKDF), salts and commits every field with Poseidon, and binds the key hash
 * and ciphertext hash into the record commitment.
 *
 * @example
 * import { generateKeyPair, sealRecord } from '@caldera/privacy-zk'
 * const owner = generateKeyPair()
 * const { record, sealed } = sealRecord({
 *   schema: shipment,
 *   values: { shipmentId: 'SHP-1', lowestTemperature: '3.1', peakTemperature: '7.4' },
 *   recipients: [owner.publicKey],
 *   auditors: [auditor.publicKey],
 * })
 */
export function sealRecord<names extends string>(
  parameters: SealRecordParameters<names>,
): SealRecordReturnType {
  check(inputSchemas.sealRecord, parameters, 'sealRecord parameters')
  const { schema, values } = parameters
  const keys = parse(
    keysSchema,
    { recipients: parameters.recipients, auditors: parameters.auditors },
    'record keys',
  )
  for (const name of Object.keys(values)) {
    if (!schema.byName.has(name))
      throw new FieldEncodingError({
        field: name,
        value: (values as Record<string, FieldValue>)[name],
        expected: `a field of schema ${schema.name}`,
      })
  }
  const canonical: Record<string, string> = {}
  const encoded: bigint[] = []
  for (const field of schema.fields) {
    const value = (values as Record<string, FieldValue | undefined>)[field.name]
    if (value === undefined)
      throw new FieldEncodingError({
        field: field.name,
        value,
        expected: 'a value (every field is required)',
      })
    encoded.push(encodeFieldValue(schema, field.name, value))
    canonical[field.name] = canonicalValue(schema, field.name, value)
  }
  const salts = Array.from({ length: MAX_FIELDS }, (_, i) => (i < encoded.length ? randomSalt() : 0n))
  const plaintext = utf8ToBytes(
    JSON.stringify({ v: 1, schema: schema.name, values: canonical, salts: salts.map(String) }),
  )
  const dataKey = randomBytes(32)
  const { nonce, ciphertext } = seal(dataKey, plaintext, recordAad(schema))
  const keyHash = dataKeyHash(dataKey)
  const ciphertextHash = ciphertextHashOf(nonce, ciphertext)
  const { fieldCommitments, binding, commitment } = recordCommitmentOf({
    encoded,
    salts,
    keyHash,
    ciphertextHash,
  })
  const wrapped = [
    ...keys.recipients.map((key) => wrapKey(dataKey, key as Hex, 'recipient')),
    ...keys.auditors.map((key) => wrapKey(dataKey, key as Hex, 'auditor')),
  ]
  dataKey.fill(0)
  const publicFields = Object.fromEntries(
    schema.fields
      .filter((f) => f.privacy === 'public')
      .map((f) => [
        f.name,
        { value: canonical[f.name]!, encoded: String(encoded[f.index]), salt: String(salts[f.index]) },
      ]),
  )
  const record: OpenRecord = {
    schema,
    values: Object.fromEntries(
      schema.fields.map((f) => [f.name, valueFromCanonical(schema, f.name, canonical[f.name]!)]),
    ),
    encoded,
    salts,
    fieldCommitments,
    keyHash,
    ciphertextHash,
    binding,
    commitment,
  }
  const sealed: SealedRecord = {
    version: 1,
    schema: schema.name,
    commitment: String(commitment),
    publicFields,
    fieldCommitments: fieldCommitments.map(String),
    keyHash: String(keyHash),
    nonce: toHex(nonce),
    ciphertext: toHex(ciphertext),
    keys: wrapped,
  }
  return { record, sealed }
}
