import { secp256k1 } from '@noble/curves/secp256k1.js'
import { type Hex, keccak256, toHex } from 'viem'

/** secp256k1 points (projective) and the order n of the group. */
export const Point = secp256k1.Point
export type Point = InstanceType<typeof secp256k1.Point>
export const N = Point.Fn.ORDER

/** x mod n, in [0, n). */
export function mod(x: bigint): bigint {
  const r = x % N
  return r < 0n ? r + N : r
}

/** The inverse of x mod n (x ≠ 0). */
export function invert(x: bigint): bigint {
  return Point.Fn.inv(mod(x))
}

/** A uniformly random non-zero scalar (rejection sampling over 32 random bytes). */
export function randomScalar(): bigint {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(32))
    const x = BigInt(toHex(bytes))
    if (x > 0n && x < N) return x
  }
}

/** keccak256 of the bytes, read as a scalar mod n. */
export function hashToScalar(bytes: Hex): bigint {
  return mod(BigInt(keccak256(bytes)))
}

/** The 33-byte compressed encoding of a point. */
export function compressed(point: Point): Hex {
  return toHex(point.toBytes(true))
}

/** The Ethereum address of a point (last 20 bytes of keccak256 of its uncompressed x ‖ y). */
export function addressOf(point: Point): Hex {
  const uncompressed = point.toBytes(false).slice(1)
  return `0x${keccak256(uncompressed).slice(26)}`
}

/** k·P for any scalar k (0 gives the identity, which noble's `multiply` refuses). */
export function mul(point: Point, k: bigint): Point {
  const r = mod(k)
  return r === 0n ? Point.ZERO : point.multiply(r)
}
