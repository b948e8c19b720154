import { check, inputSchemas } from '../internal/inputs.js'
/**
 * SHA-256 of `bytes` as lowercase hex, with the WebCrypto API (browsers and Node 20).
 *
 * @example
 * import { sha256Hex } from '@caldera/zk'
 * const hash = await sha256Hex(new Uint8Array([1, 2, 3]))
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  check(inputSchemas.bytes, bytes, 'bytes')
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
