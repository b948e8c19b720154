import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { FieldEncodingError, UnknownFieldError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { RecordSchema, SchemaField } from './defineRecordSchema.js'
import { type FieldValue, RANGE_BITS, SIGNED_OFFSET } from './fieldTypes.js'

const RANGE_LIMIT = 1n << BigInt(RANGE_BITS)

/**
 * Returns the schema field named `name` or throws `UnknownFieldError`.
 *
 * @example
 * import { getField } from '@caldera/privacy-zk'
 * const { index, type } = getField(shipment, 'peakTemperature')
 */
export function getField(schema: RecordSchema, name: string): SchemaField {
  check(inputSchemas.schemaAndName, [schema, name], 'getField (schema, name)')
  const field = schema.byName.get(name)
  if (!field) throw new UnknownFieldError({ field: name, known: schema.fieldNames })
  return field
}

/**
 * Encodes a field value as a BN254 field element. The encodings:
 *
 * - `integer`: `value + 2^39` (signed, order-preserving; |value| < 2^39);
 * - `decimal` (d decimals): `value × 10^d + 2^39`, exact from a decimal string (more than d
 *   decimals is an error, never rounded);
 * - `timestamp`: seconds since 1970 (from a `Date`, seconds as number/bigint or an ISO string), < 2^40;
 * - `enum`: the value's index in `values`;
 * - `string`: the first 31 bytes of SHA-256 of its UTF-8 bytes, big-endian (not range-provable,
 *   disclosed by equality).
 *
 * Integer, decimal, timestamp and enum encodings lie in [0, 2^40) and preserve order, so ranges
 * are proved on encodings.
 *
 * @example
 * import { encodeFieldValue } from '@caldera/privacy-zk'
 * encodeFieldValue(shipment, 'peakTemperature', '7.25') // 725n + 2n ** 39n
 */
export function encodeFieldValue(schema: RecordSchema, name: string, value: FieldValue): bigint {
  check(inputSchemas.schemaAndName, [schema, name], 'encodeFieldValue (schema, name)')
  const field = getField(schema, name)
  const fail = (expected: string): never => {
    throw new FieldEncodingError({ field: name, value, expected })
  }
  switch (field.type) {
    case 'integer': {
      const n = toInteger(value) ?? fail('an integer (bigint, safe number or integer string)')
      return inSigned(n) ?? fail('an integer with |value| < 2^39')
    }
    case 'decimal': {
      const scaled =
        toScaledDecimal(value, field.decimals) ?? fail(`a decimal with at most ${field.decimals} decimals`)
      return inSigned(scaled) ?? fail(`a decimal with |value × 10^${field.decimals}| < 2^39`)
    }
    case 'timestamp': {
      const seconds = toSeconds(value) ?? fail('a Date, an ISO-8601 string or whole seconds since 1970')
      return seconds >= 0n && seconds < RANGE_LIMIT ? seconds : fail('a time between 1970 and year 36812')
    }
    case 'enum': {
      const index = typeof value === 'string' ? field.values.indexOf(value) : -1
      return index >= 0 ? BigInt(index) : fail(`one of ${field.values.join(', ')}`)
    }
    case 'string': {
      if (typeof value !== 'string') fail('a string')
      return BigInt(`0x${bytesToHex(sha256(utf8ToBytes(value as string)).slice(0, 31))}`)
    }
  }
}

/**
 * Decodes a field element back to the field's value: bigint (integer), decimal string,
 * `Date` (timestamp) or enum string. String fields are one-way and cannot be decoded.
 *
 * @example
 * import { decodeFieldValue } from '@caldera/privacy-zk'
 * decodeFieldValue(shipment, 'peakTemperature', 725n + 2n ** 39n) // '7.25'
 */
export function decodeFieldValue(
  schema: RecordSchema,
  name: string,
  encoded: bigint,
): bigint | string | Date {
  check(inputSchemas.decode, [schema, name, encoded], 'decodeFieldValue (schema, name, encoded)')
  const field = getField(schema, name)
  switch (field.type) {
    case 'integer':
      return encoded - SIGNED_OFFSET
    case 'decimal':
      return formatScaled(encoded - SIGNED_OFFSET, field.decimals)
    case 'timestamp':
      return new Date(Number(encoded) * 1000)
    case 'enum': {
      const value = field.values[Number(encoded)]
      if (value === undefined)
        throw new FieldEncodingError({ field: name, value: encoded, expected: 'an enum index' })
      return value
    }
    case 'string':
      throw new FieldEncodingError({
        field: name,
        value: encoded,
        expected: 'a decodable field (strings are hashed)',
      })
  }
}

function inSigned(n: bigint): bigint | undefined {
  return n >= -SIGNED_OFFSET && n < SIGNED_OFFSET ? n + SIGNED_OFFSET : undefined
}

function toInteger(value: FieldValue): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim())
  return undefined
}

function toScaledDecimal(value: FieldValue, decimals: number): bigint | undefined {
  if (typeof value === 'bigint') return value * 10n ** BigInt(decimals)
  const text = typeof value === 'number' ? (Number.isFinite(value) ? numberToPlain(value) : '') : value
  if (typeof text !== 'string') return undefined
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!match) return undefined
  const [, sign, whole, fraction = ''] = match
  const trimmed = fraction.replace(/0+$/, '')
  if (trimmed.length > decimals) return undefined
  const scaled = BigInt(whole!) * 10n ** BigInt(decimals) + BigInt(trimmed.padEnd(decimals, '0') || '0')
  return sign === '-' ? -scaled : scaled
}

function numberToPlain(value: number): string {
  const text = String(value)
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text
}

function toSeconds(value: FieldValue): bigint | undefined {
  if (value instanceof Date) {
    const ms = value.getTime()
    return Number.isFinite(ms) ? BigInt(Math.floor(ms / 1000)) : undefined
  }
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return BigInt(value)
    const ms = Date.parse(value)
    return Number.isFinite(ms) ? BigInt(Math.floor(ms / 1000)) : undefined
  }
  return undefined
}

function formatScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const base = 10n ** BigInt(decimals)
  const whole = abs / base
  const fraction = decimals > 0 ? `.${(abs % base).toString().padStart(decimals, '0')}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}
