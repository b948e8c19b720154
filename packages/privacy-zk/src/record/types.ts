import type { Hex } from 'viem'
import type { WrappedKey } from '../crypto/wrapKey.js'
import type { RecordSchema } from '../schema/defineRecordSchema.js'

/** A decoded field value: bigint (integer), decimal string, `Date` (timestamp) or string (enum, string). */
export type DecodedValue = bigint | string | Date

/**
 * A record as its holders see it: plaintext values, salts and everything needed to prove facts
 * about it. Keep it private; share the {@link SealedRecord}.
 */
export type OpenRecord = {
  readonly schema: RecordSchema
  /** Values by field name, decoded. */
  readonly values: Readonly<Record<string, DecodedValue>>
  /** Field encodings (field elements), by field index. */
  readonly encoded: readonly bigint[]
  /** Per-field random salts, by field index (8 slots; empty slots 0). */
  readonly salts: readonly bigint[]
  /** Per-field commitments `Poseidon(encoded, salt)` (8 slots). */
  readonly fieldCommitments: readonly bigint[]
  readonly keyHash: bigint
  readonly ciphertextHash: bigint
  readonly binding: bigint
  /** `Poseidon(binding, fieldCommitments…)`: the leaf notarized on chain. */
  readonly commitment: bigint
}

/** The shareable, encrypted form of a record (JSON-safe: bigints as decimal strings). */
export type SealedRecord = {
  readonly version: 1
  readonly schema: string
  /** Record commitment (decimal). */
  readonly commitment: string
  /** Public fields in clear with their salts, so anyone can check them against the commitment. */
  readonly publicFields: Readonly<Record<string, { value: string; encoded: string; salt: string }>>
  /** Commitments of every field slot (decimal), hiding thanks to the salts. */
  readonly fieldCommitments: readonly string[]
  /** Hash of the data key (decimal field element). */
  readonly keyHash: string
  /** AES-256-GCM nonce and ciphertext of the values and salts. */
  readonly nonce: Hex
  readonly ciphertext: Hex
  /** The data key wrapped to each recipient and auditor. */
  readonly keys: readonly WrappedKey[]
}
