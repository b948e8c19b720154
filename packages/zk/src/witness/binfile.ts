import { ZkError } from '../errors/zk.js'

/** Sections of an iden3 binary file (`r1cs`, `wtns`): type → byte range. */
export function readSections(bytes: Uint8Array, magic: string): Map<number, { start: number; size: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const found = String.fromCharCode(...bytes.subarray(0, 4))
  if (found !== magic) throw new ZkError(`Not a ${magic} file (magic ${JSON.stringify(found)}).`)
  if (bytes.byteLength < 12) throw new ZkError(`Truncated ${magic} file: ${bytes.byteLength} bytes.`)
  const count = view.getUint32(8, true)
  const sections = new Map<number, { start: number; size: number }>()
  let offset = 12
  for (let i = 0; i < count; i++) {
    if (offset + 12 > bytes.byteLength)
      throw new ZkError(`Truncated ${magic} file: section ${i} of ${count} is missing.`)
    const type = view.getUint32(offset, true)
    const size = Number(view.getBigUint64(offset + 4, true))
    sections.set(type, { start: offset + 12, size })
    offset += 12 + size
    if (offset > bytes.byteLength)
      throw new ZkError(`Truncated ${magic} file: section ${type} ends past the end.`)
  }
  return sections
}

/** Little-endian unsigned integer of `n8` bytes. */
export function readLE(bytes: Uint8Array, offset: number, n8: number): bigint {
  let value = 0n
  for (let i = n8 - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[offset + i]!)
  return value
}

/** Writes `value` as `n8` little-endian bytes. */
export function writeLE(target: Uint8Array, offset: number, n8: number, value: bigint): void {
  let v = value
  for (let i = 0; i < n8; i++) {
    target[offset + i] = Number(v & 0xffn)
    v >>= 8n
  }
}
