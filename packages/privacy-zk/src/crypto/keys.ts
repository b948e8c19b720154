import { x25519 } from '@noble/curves/ed25519.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import type { Hex } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'

/** An x25519 key pair: records are sealed to public keys; private (view) keys open them. */
export type KeyPair = { privateKey: Hex; publicKey: Hex }

/**
 * Generates an x25519 key pair for a recipient or an auditor (a "view key").
 *
 * @example
 * import { generateKeyPair } from '@caldera/privacy-zk'
 * const auditor = generateKeyPair()
 */
export function generateKeyPair(): KeyPair {
  const privateKey = x25519.utils.randomSecretKey()
  return {
    privateKey: `0x${bytesToHex(privateKey)}`,
    publicKey: `0x${bytesToHex(x25519.getPublicKey(privateKey))}`,
  }
}

/**
 * Derives the x25519 public key of a private key.
 *
 * @example
 * import { getPublicKey } from '@caldera/privacy-zk'
 * const publicKey = getPublicKey(privateKey)
 */
export function getPublicKey(privateKey: Hex): Hex {
  check(inputSchemas.privateKey, privateKey, 'private key')
  return `0x${bytesToHex(x25519.getPublicKey(toBytes(privateKey)))}`
}

/** Hex (with or without 0x) to bytes. */
export function toBytes(hex: string): Uint8Array {
  return hexToBytes(hex.startsWith('0x') ? hex.slice(2) : hex)
}

/** Bytes to 0x-hex. */
export function toHex(bytes: Uint8Array): Hex {
  return `0x${bytesToHex(bytes)}`
}
