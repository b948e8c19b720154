import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js'
import { poseidon2, poseidon9 } from 'poseidon-lite'
import { check, inputSchemas } from '../internal/inputs.js'
import { MAX_FIELDS } from '../schema/fieldTypes.js'

/** The BN254 scalar field order (every signal and commitment is below it). */
export const SNARK_SCALAR_FIELD =
  21888242871839275222246405745257275088548364400416034343698204186575808495617n

/**
 * A fresh random salt below the field order (248 bits).
 *
 * @example
 * import { randomSalt } from '@caldera/privacy-zk'
 * const salt = randomSalt()
 */
export function randomSalt(): bigint {
  return BigInt(`0x${bytesToHex(randomBytes(31))}`)
}

/** First 31 bytes of SHA-256 as a field element (used for the key and ciphertext hashes). */
export function sha256ToField(bytes: Uint8Array): bigint {
  return BigInt(`0x${bytesToHex(sha256(bytes).slice(0, 31))}`)
}

/**
 * Commitment of one field: `Poseidon(value, salt)`. The salt makes small domains (temperatures,
 * ages) impossible to brute-force from the commitment.
 *
 * @example
 * import { commitField, randomSalt } from '@caldera/privacy-zk'
 * const c = commitField({ value: 725n, salt: randomSalt() })
 */
export function commitField(options: { value: bigint; salt: bigint }): bigint {
  check(inputSchemas.commitField, options, 'commitField options')
  const { value, salt } = options
  return poseidon2([value, salt])
}

/**
 * Binding of a record to its encryption: `Poseidon(keyHash, ciphertextHash)`.
 *
 * @example
 * import { encryptionBinding } from '@caldera/privacy-zk'
 * const binding = encryptionBinding({ keyHash: record.keyHash, ciphertextHash: record.ciphertextHash })
 */
export function encryptionBinding(options: { keyHash: bigint; ciphertextHash: bigint }): bigint {
  check(inputSchemas.encryptionBinding, options, 'encryptionBinding options')
  const { keyHash, ciphertextHash } = options
  return poseidon2([keyHash, ciphertextHash])
}

/** Commitment of an empty field slot (records have fewer than 8 fields): `Poseidon(0, 0)`. */
export const EMPTY_FIELD_COMMITMENT = poseidon2([0n, 0n])

/**
 * Record commitment: `Poseidon(binding, c[0], …, c[7])` over the encryption binding and the 8
 * field commitments (empty slots use `Poseidon(0, 0)`), so one field can be opened without the others.
 *
 * @example
 * import { commitRecord } from '@caldera/privacy-zk'
 * const commitment = commitRecord({ binding, fieldCommitments })
 */
export function commitRecord(options: { binding: bigint; fieldCommitments: readonly bigint[] }): bigint {
  check(inputSchemas.commitRecord, options, 'commitRecord options')
  const { binding, fieldCommitments } = options
  const slots = Array.from({ length: MAX_FIELDS }, (_, i) => fieldCommitments[i] ?? EMPTY_FIELD_COMMITMENT)
  return poseidon9([binding, ...slots])
}
