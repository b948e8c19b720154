import { x25519 } from '@noble/curves/ed25519.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import type { Hex } from 'viem'
import { DecryptionError } from '../errors/privacy.js'
import { open, seal } from './aead.js'
import { toBytes, toHex } from './keys.js'

const INFO = utf8ToBytes('caldera/privacy-zk key wrap v1')

/** A record's data key, encrypted to one recipient or auditor public key. */
export type WrappedKey = {
  role: 'recipient' | 'auditor'
  /** The x25519 public key it is wrapped to. */
  publicKey: Hex
  /** Ephemeral x25519 public key of the sender for this wrap. */
  ephemeralPublicKey: Hex
  nonce: Hex
  /** AES-256-GCM of the data key under HKDF-SHA256(ECDH(ephemeral, recipient)). */
  wrappedKey: Hex
}

function kek(shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeral, recipient), INFO, 32)
}

/** Wraps a data key to an x25519 public key (ephemeral-static ECDH + HKDF + AES-GCM). */
export function wrapKey(dataKey: Uint8Array, publicKey: Hex, role: WrappedKey['role']): WrappedKey {
  const recipient = toBytes(publicKey)
  const ephemeralSecret = x25519.utils.randomSecretKey()
  const ephemeral = x25519.getPublicKey(ephemeralSecret)
  const key = kek(x25519.getSharedSecret(ephemeralSecret, recipient), ephemeral, recipient)
  const { nonce, ciphertext } = seal(key, dataKey, recipient)
  return {
    role,
    publicKey: toHex(recipient),
    ephemeralPublicKey: toHex(ephemeral),
    nonce: toHex(nonce),
    wrappedKey: toHex(ciphertext),
  }
}

/** Unwraps a data key with the matching x25519 private key; throws `DecryptionError` otherwise. */
export function unwrapKey(wrapped: WrappedKey, privateKey: Hex): Uint8Array {
  const recipient = toBytes(wrapped.publicKey)
  const ephemeral = toBytes(wrapped.ephemeralPublicKey)
  let shared: Uint8Array
  try {
    shared = x25519.getSharedSecret(toBytes(privateKey), ephemeral)
  } catch (cause) {
    throw new DecryptionError('the wrapped data key', { cause })
  }
  return open(
    kek(shared, ephemeral, recipient),
    toBytes(wrapped.nonce),
    toBytes(wrapped.wrappedKey),
    'the wrapped data key',
    recipient,
  )
}
