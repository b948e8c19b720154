import type { Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { commitField, commitRecord, encryptionBinding } from '../commitment/poseidon.js'
import { generateKeyPair } from '../crypto/keys.js'
import {
  CommitmentMismatchError,
  DecryptionError,
  FieldEncodingError,
  NotARecipientError,
} from '../errors/privacy.js'
import { defineRecordSchema } from '../schema/defineRecordSchema.js'
import { openRecord } from './openRecord.js'
import { sealRecord } from './sealRecord.js'
import type { SealedRecord } from './types.js'

const patient = defineRecordSchema({
  name: 'patient',
  fields: {
    patientId: { type: 'string', privacy: 'public' },
    birthDate: { type: 'timestamp' },
    bloodType: { type: 'enum', values: ['A', 'B', 'AB', 'O'] },
  },
})
const owner = generateKeyPair()
const clinic = generateKeyPair()
const auditor = generateKeyPair()
const values = { patientId: 'P-7', birthDate: '1990-04-01T00:00:00Z', bloodType: 'O' }

function flip(hex: Hex, at = 10): Hex {
  const chars = hex.split('')
  const i = 2 + at
  chars[i] = chars[i] === '0' ? '1' : '0'
  return chars.join('') as Hex
}

describe('sealRecord / openRecord', () => {
  const { record, sealed } = sealRecord({
    schema: patient,
    values,
    recipients: [owner.publicKey, clinic.publicKey],
    auditors: [auditor.publicKey],
  })

  it('every recipient and the auditor view key open the same record', () => {
    for (const key of [owner, clinic, auditor]) {
      const opened = openRecord({ schema: patient, sealed, privateKey: key.privateKey })
      expect(opened.commitment).toBe(record.commitment)
      expect(opened.values).toEqual({
        patientId: 'P-7',
        birthDate: new Date('1990-04-01T00:00:00Z'),
        bloodType: 'O',
      })
      expect(opened.salts).toEqual(record.salts)
    }
    expect(sealed.keys.map((k) => k.role)).toEqual(['recipient', 'recipient', 'auditor'])
  })

  it('shows public fields in clear and hides private ones', () => {
    expect(sealed.publicFields).toEqual({
      patientId: { value: 'P-7', encoded: String(record.encoded[0]), salt: String(record.salts[0]) },
    })
    // Neither the birth date nor its encoding appears (as text or as a JSON value); a bare '1990'
    // would also match digits of the random salts and hashes now and then.
    const json = JSON.stringify(sealed)
    expect(json).not.toContain('1990-04-01')
    expect(json).not.toContain(`"${record.encoded[1]}"`)
    expect(json).not.toContain('birthDate')
    expect(commitField({ value: record.encoded[0]!, salt: record.salts[0]! })).toBe(
      record.fieldCommitments[0],
    )
  })

  it('salts every field independently and binds key hash and ciphertext hash into the commitment', () => {
    expect(new Set(record.salts.slice(0, 3)).size).toBe(3)
    expect(record.salts.slice(3)).toEqual([0n, 0n, 0n, 0n, 0n])
    expect(record.binding).toBe(
      encryptionBinding({ keyHash: record.keyHash, ciphertextHash: record.ciphertextHash }),
    )
    expect(record.commitment).toBe(
      commitRecord({ binding: record.binding, fieldCommitments: record.fieldCommitments }),
    )
    const again = sealRecord({ schema: patient, values, recipients: [owner.publicKey] })
    expect(again.record.commitment).not.toBe(record.commitment)
  })

  it('a key the record was not sealed to is refused', () => {
    const stranger = generateKeyPair()
    expect(() => openRecord({ schema: patient, sealed, privateKey: stranger.privateKey })).toThrow(
      NotARecipientError,
    )
  })

  it('a tampered ciphertext, nonce or wrapped key is a DecryptionError, never garbage', () => {
    const cases: SealedRecord[] = [
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, nonce: flip(sealed.nonce, 3) },
      { ...sealed, keys: sealed.keys.map((k) => ({ ...k, wrappedKey: flip(k.wrappedKey) })) },
      {
        ...sealed,
        keys: sealed.keys.map((k) => ({ ...k, ephemeralPublicKey: flip(k.ephemeralPublicKey, 5) })),
      },
    ]
    for (const tampered of cases) {
      expect(() => openRecord({ schema: patient, sealed: tampered, privateKey: owner.privateKey })).toThrow(
        DecryptionError,
      )
    }
  })

  it('a wrapped key pointing at another recipient does not decrypt', () => {
    // Claim the owner's wrap belongs to the stranger: the stranger's private key cannot unwrap it.
    const stranger = generateKeyPair()
    const forged: SealedRecord = { ...sealed, keys: [{ ...sealed.keys[0]!, publicKey: stranger.publicKey }] }
    expect(() => openRecord({ schema: patient, sealed: forged, privateKey: stranger.privateKey })).toThrow(
      DecryptionError,
    )
  })

  it('a valid ciphertext under another commitment, or another key hash, is a CommitmentMismatchError', () => {
    const other = sealRecord({
      schema: patient,
      values: { ...values, bloodType: 'A' },
      recipients: [owner.publicKey],
    })
    const swapped: SealedRecord = { ...other.sealed, commitment: sealed.commitment }
    expect(() => openRecord({ schema: patient, sealed: swapped, privateKey: owner.privateKey })).toThrow(
      CommitmentMismatchError,
    )
    const rekeyed: SealedRecord = { ...sealed, keyHash: other.sealed.keyHash }
    expect(() => openRecord({ schema: patient, sealed: rekeyed, privateKey: owner.privateKey })).toThrow(
      /data key hash/,
    )
  })

  it('validates inputs: missing field, unknown field, bad key', () => {
    expect(() =>
      sealRecord({
        schema: patient,
        values: { patientId: 'x', birthDate: 0 } as never,
        recipients: [owner.publicKey],
      }),
    ).toThrow(FieldEncodingError)
    expect(() =>
      sealRecord({
        schema: patient,
        values: { ...values, extra: 1 } as never,
        recipients: [owner.publicKey],
      }),
    ).toThrow(/extra/)
    expect(() => sealRecord({ schema: patient, values, recipients: ['0x1234'] })).toThrow(
      /recipients\[0\]: expected a 32-byte x25519 public key/,
    )
    expect(() => sealRecord({ schema: patient, values, recipients: [] })).toThrow(/recipients/)
  })
})
