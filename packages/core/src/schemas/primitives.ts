import { type Address, getAddress, type Hex, isAddress, isHex } from 'viem'
import { z } from 'zod'

/** A 20-byte EVM address (any case; checksummed on output). */
export const addressSchema = z
  .string({ message: 'a 0x-prefixed 20-byte address' })
  .refine((v) => isAddress(v, { strict: false }), { message: 'a 0x-prefixed 20-byte address' })
  .transform((v) => getAddress(v) as Address)

/** A 0x-prefixed hex string. */
export const hexSchema = z
  .string({ message: 'a 0x-prefixed hex string' })
  .refine((v) => isHex(v, { strict: true }), { message: 'a 0x-prefixed hex string' })
  .transform((v) => v as Hex)

/** A 32-byte hex value (hashes, domain ids, batch roots). */
export const bytes32Schema = z
  .string({ message: 'a 0x-prefixed 32-byte hex value' })
  .regex(/^0x[0-9a-fA-F]{64}$/, { message: 'a 0x-prefixed 32-byte hex value' })
  .transform((v) => v.toLowerCase() as Hex)

/**
 * An integer amount as `bigint`. Accepts a bigint, a safe integer number or a decimal integer
 * string (`"1000000000000000000"`), so JSON inputs work; never a fraction.
 */
export const bigintSchema = z
  .union(
    [
      z.bigint(),
      z.number().int().refine(Number.isSafeInteger, { message: 'a safe integer' }),
      z.string().regex(/^-?\d{1,78}$/, { message: 'an integer string' }),
    ],
    { message: 'an integer (bigint, safe integer or integer string)' },
  )
  .transform((v) => BigInt(v))

/** A non-negative integer amount as `bigint` (see {@link bigintSchema}). */
export const amountSchema = bigintSchema.refine((v) => v >= 0n, { message: 'a non-negative integer amount' })

/** A positive integer amount as `bigint` (see {@link bigintSchema}). */
export const positiveAmountSchema = bigintSchema.refine((v) => v > 0n, {
  message: 'a positive integer amount',
})

/** An EVM chain id. */
export const chainIdSchema = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1)

/** An http(s) or ws(s) RPC URL. */
export const rpcUrlSchema = z
  .string()
  .url({ message: 'an http(s):// or ws(s):// URL' })
  .refine((v) => /^(https?|wss?):\/\//.test(v), { message: 'an http(s):// or ws(s):// URL' })
