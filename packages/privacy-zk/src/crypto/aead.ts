import { gcm } from '@noble/ciphers/aes.js'
import { randomBytes } from '@noble/ciphers/utils.js'
import { DecryptionError } from '../errors/privacy.js'

/** AES-256-GCM encryption with a fresh 12-byte nonce. */
export function seal(
  key: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): { nonce: Uint8Array; ciphertext: Uint8Array } {
  const nonce = randomBytes(12)
  return { nonce, ciphertext: gcm(key, nonce, aad).encrypt(plaintext) }
}

/** AES-256-GCM decryption; a wrong key or any tampering throws `DecryptionError`. */
export function open(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  what: string,
  aad?: Uint8Array,
): Uint8Array {
  try {
    return gcm(key, nonce, aad).decrypt(ciphertext)
  } catch (cause) {
    throw new DecryptionError(what, { cause })
  }
}
