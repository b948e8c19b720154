import { CalderaError } from '@caldera/core'

/** Base class of every error thrown by `@caldera/privacy-zk`. */
export class PrivacyError extends CalderaError {
  override name = 'PrivacyError'
}

/** A value cannot be encoded for its field (type, range or enum mismatch). */
export class FieldEncodingError extends PrivacyError {
  override name = 'FieldEncodingError'
  constructor({ field, value, expected }: { field: string; value: unknown; expected: string }) {
    super(`Field "${field}" cannot encode ${formatValue(value)}.`, {
      metaMessages: [`expected: ${expected}`],
      hint: 'Pass a value of the type and range declared in the record schema.',
    })
  }
}

/** The schema has no field of that name, or the field cannot be used this way. */
export class UnknownFieldError extends PrivacyError {
  override name = 'UnknownFieldError'
  constructor({ field, known }: { field: string; known: readonly string[] }) {
    super(`The record schema has no field "${field}".`, { metaMessages: [`fields: ${known.join(', ')}`] })
  }
}

/** Decryption failed: wrong key, or the ciphertext / wrapped key was tampered with. */
export class DecryptionError extends PrivacyError {
  override name = 'DecryptionError'
  constructor(what: string, options: { cause?: unknown } = {}) {
    super(`Could not decrypt ${what}: wrong key or tampered data.`, {
      ...options,
      hint: 'Use a private key the record was sealed to (recipient or auditor view key) and the unmodified sealed record.',
    })
  }
}

/** The sealed record's key is not wrapped to the given private key. */
export class NotARecipientError extends PrivacyError {
  override name = 'NotARecipientError'
  constructor({ publicKey }: { publicKey: string }) {
    super('This key is not a recipient or auditor of the record.', {
      metaMessages: [`public key: ${publicKey}`],
      hint: 'Ask the record owner to seal the record to this public key.',
    })
  }
}

/** Opened values, salts, key or ciphertext do not reproduce the record commitment. */
export class CommitmentMismatchError extends PrivacyError {
  override name = 'CommitmentMismatchError'
  constructor({ expected, actual, reason }: { expected: bigint; actual: bigint; reason: string }) {
    super(`The record does not match its commitment (${reason}).`, {
      metaMessages: [`expected: ${expected}`, `computed: ${actual}`],
      hint: 'The sealed record was altered or mixed with another record; do not trust its contents.',
    })
  }
}

/** A value does not lie within the range that should be proved. */
export class OutOfRangeError extends PrivacyError {
  override name = 'OutOfRangeError'
  constructor({ field, min, max }: { field: string; min: string; max: string }) {
    super(`Field "${field}" is not within [${min}, ${max}]; no proof can be made.`)
  }
}

/** The notarization tree is full or an index is out of bounds. */
export class NotarizationTreeError extends PrivacyError {
  override name = 'NotarizationTreeError'
}

/** A disclosure proof or its public statement was rejected. */
export class DisclosureRejectedError extends PrivacyError {
  override name = 'DisclosureRejectedError'
}

function formatValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof Date) return value.toISOString()
  return String(value)
}
