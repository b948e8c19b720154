import { bytesToUtf8 } from '@noble/ciphers/utils.js'
import type { Hex } from 'viem'
import { open } from '../crypto/aead.js'
import { getPublicKey, toBytes } from '../crypto/keys.js'
import { unwrapKey } from '../crypto/wrapKey.js'
import {
  CommitmentMismatchError,
  DecryptionError,
  NotARecipientError,
  PrivacyError,
} from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { RecordSchema } from '../schema/defineRecordSchema.js'
import { encodeFieldValue } from '../schema/encodeField.js'
import { MAX_FIELDS } from '../schema/fieldTypes.js'
import {
  ciphertextHashOf,
  dataKeyHash,
  recordAad,
  recordCommitmentOf,
  valueFromCanonical,
} from './recordCodec.js'
import type { OpenRecord, SealedRecord } from './types.js'

export type OpenRecordParameters = {
  schema: RecordSchema
  sealed: SealedRecord
  /** x25519 private key of a recipient, or an auditor's view key. */
  privateKey: Hex
}

/**
 * Opens a sealed record with a recipient's private key or an auditor's view key: unwraps the data
 * key, checks it against the committed key hash, decrypts (AES-GCM detects tampering) and
 * recomputes the record commitment from the plaintext, so a record either opens to exactly what was
 * committed or throws.
 *
 * @throws NotARecipientError, DecryptionError, CommitmentMismatchError
 * @example
 * import { openRecord } from '@caldera/privacy-zk'
 * const record = openRecord({ schema: shipment, sealed, privateKey: auditor.privateKey })
 * record.values.peakTemperature // '7.40'
 */
export function openRecord(options: OpenRecordParameters): OpenRecord {
  check(inputSchemas.openRecord, options, 'openRecord options')
  const { schema, sealed, privateKey } = options
  if (sealed.schema !== schema.name) {
    throw new PrivacyError(`Sealed record uses schema "${sealed.schema}", not "${schema.name}".`)
  }
  const publicKey = getPublicKey(privateKey).toLowerCase()
  const wrap = sealed.keys.find((k) => k.publicKey.toLowerCase() === publicKey)
  if (!wrap) throw new NotARecipientError({ publicKey })
  const dataKey = unwrapKey(wrap, privateKey)
  const keyHash = dataKeyHash(dataKey)
  const expected = BigInt(sealed.commitment)
  if (keyHash !== BigInt(sealed.keyHash)) {
    throw new CommitmentMismatchError({
      expected: BigInt(sealed.keyHash),
      actual: keyHash,
      reason: 'data key hash',
    })
  }
  const nonce = toBytes(sealed.nonce)
  const ciphertext = toBytes(sealed.ciphertext)
  const plaintext = open(dataKey, nonce, ciphertext, 'the record', recordAad(schema))
  let body: { v: number; schema: string; values: Record<string, string>; salts: string[] }
  try {
    body = JSON.parse(bytesToUtf8(plaintext))
  } catch (cause) {
    throw new DecryptionError('the record (malformed plaintext)', { cause })
  }
  const encoded = schema.fields.map((f) => encodeFieldValue(schema, f.name, body.values[f.name] ?? ''))
  const salts = Array.from({ length: MAX_FIELDS }, (_, i) => BigInt(body.salts[i] ?? '0'))
  const ciphertextHash = ciphertextHashOf(nonce, ciphertext)
  const { fieldCommitments, binding, commitment } = recordCommitmentOf({
    encoded,
    salts,
    keyHash,
    ciphertextHash,
  })
  if (commitment !== expected) {
    throw new CommitmentMismatchError({
      expected,
      actual: commitment,
      reason: 'decrypted values, salts or ciphertext',
    })
  }
  return {
    schema,
    values: Object.fromEntries(
      schema.fields.map((f) => [f.name, valueFromCanonical(schema, f.name, body.values[f.name]!)]),
    ),
    encoded,
    salts,
    fieldCommitments,
    keyHash,
    ciphertextHash,
    binding,
    commitment,
  }
}
