import { ValidationError } from '@caldera/core'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FieldEncodingError, UnknownFieldError } from '../errors/privacy.js'
import { defineRecordSchema } from './defineRecordSchema.js'
import { decodeFieldValue, encodeFieldValue } from './encodeField.js'
import { SIGNED_OFFSET } from './fieldTypes.js'

const schema = defineRecordSchema({
  name: 'sample',
  fields: {
    count: { type: 'integer' },
    temperature: { type: 'decimal', decimals: 2 },
    label: { type: 'string', privacy: 'public' },
    at: { type: 'timestamp' },
    grade: { type: 'enum', values: ['A', 'B', 'C'] },
  },
})

describe('defineRecordSchema', () => {
  it('keeps declaration order as the field index and defaults privacy to private', () => {
    expect(schema.fieldNames).toEqual(['count', 'temperature', 'label', 'at', 'grade'])
    expect(schema.fields.map((f) => [f.index, f.privacy])).toEqual([
      [0, 'private'],
      [1, 'private'],
      [2, 'public'],
      [3, 'private'],
      [4, 'private'],
    ])
  })

  it('rejects more than 8 fields, bad names and unknown types, naming the field', () => {
    const nine = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`f${i}`, { type: 'integer' as const }]),
    )
    expect(() => defineRecordSchema({ name: 'x', fields: nine })).toThrow(/at most 8 fields/)
    expect(() => defineRecordSchema({ name: 'x', fields: { 'bad name': { type: 'integer' } } })).toThrow(
      ValidationError,
    )
    expect(() =>
      defineRecordSchema({ name: 'x', fields: { a: { type: 'float' } as unknown as { type: 'integer' } } }),
    ).toThrow(/fields\.a/)
    expect(() => defineRecordSchema({ name: 'x', fields: { d: { type: 'decimal', decimals: 12 } } })).toThrow(
      /decimals/,
    )
  })
})

describe('field encodings (documented in encodeFieldValue)', () => {
  it('integer: value + 2^39', () => {
    expect(encodeFieldValue(schema, 'count', 0)).toBe(SIGNED_OFFSET)
    expect(encodeFieldValue(schema, 'count', -5n)).toBe(SIGNED_OFFSET - 5n)
    expect(encodeFieldValue(schema, 'count', '42')).toBe(SIGNED_OFFSET + 42n)
    expect(() => encodeFieldValue(schema, 'count', 1.5)).toThrow(FieldEncodingError)
    expect(() => encodeFieldValue(schema, 'count', 2n ** 39n)).toThrow(/2\^39/)
  })

  it('decimal: exact value × 10^decimals + 2^39, never rounded', () => {
    expect(encodeFieldValue(schema, 'temperature', '7.25')).toBe(SIGNED_OFFSET + 725n)
    expect(encodeFieldValue(schema, 'temperature', -18.5)).toBe(SIGNED_OFFSET - 1850n)
    expect(encodeFieldValue(schema, 'temperature', '2.10')).toBe(SIGNED_OFFSET + 210n)
    expect(encodeFieldValue(schema, 'temperature', 3n)).toBe(SIGNED_OFFSET + 300n)
    expect(() => encodeFieldValue(schema, 'temperature', '7.255')).toThrow(/at most 2 decimals/)
    expect(decodeFieldValue(schema, 'temperature', SIGNED_OFFSET - 1850n)).toBe('-18.50')
  })

  it('timestamp: whole seconds since 1970', () => {
    expect(encodeFieldValue(schema, 'at', new Date('2026-01-02T03:04:05Z'))).toBe(1767323045n)
    expect(encodeFieldValue(schema, 'at', '2026-01-02T03:04:05Z')).toBe(1767323045n)
    expect(encodeFieldValue(schema, 'at', 1767323045)).toBe(1767323045n)
    expect(decodeFieldValue(schema, 'at', 1767323045n)).toEqual(new Date('2026-01-02T03:04:05Z'))
    expect(() => encodeFieldValue(schema, 'at', 'yesterday')).toThrow(FieldEncodingError)
  })

  it('enum: index of the value', () => {
    expect(encodeFieldValue(schema, 'grade', 'C')).toBe(2n)
    expect(decodeFieldValue(schema, 'grade', 1n)).toBe('B')
    expect(() => encodeFieldValue(schema, 'grade', 'D')).toThrow(/one of A, B, C/)
  })

  it('string: first 31 bytes of SHA-256 (one-way, below the field order)', () => {
    const encoded = encodeFieldValue(schema, 'label', 'SHP-1')
    expect(encoded).toBe(BigInt(`0x${bytesToHex(sha256(utf8ToBytes('SHP-1'))).slice(0, 62)}`))
    expect(encoded < 2n ** 248n).toBe(true)
    expect(encodeFieldValue(schema, 'label', 'SHP-2')).not.toBe(encoded)
    expect(() => decodeFieldValue(schema, 'label', encoded)).toThrow(FieldEncodingError)
  })

  it('unknown field names are reported with the known ones', () => {
    expect(() => encodeFieldValue(schema, 'nope', 1)).toThrow(UnknownFieldError)
    expect(() => encodeFieldValue(schema, 'nope', 1)).toThrow(/count, temperature/)
  })

  it('numeric encodings preserve order and round-trip (property)', () => {
    const cents = fc.bigInt({ min: -(2n ** 39n) + 1n, max: 2n ** 39n - 1n })
    fc.assert(
      fc.property(cents, cents, (x, y) => {
        const text = (v: bigint) =>
          `${v < 0n ? '-' : ''}${(v < 0n ? -v : v) / 100n}.${String((v < 0n ? -v : v) % 100n).padStart(2, '0')}`
        const ex = encodeFieldValue(schema, 'temperature', text(x))
        const ey = encodeFieldValue(schema, 'temperature', text(y))
        expect(ex < ey).toBe(x < y)
        expect(ex >= 0n && ex < 2n ** 40n).toBe(true)
        expect(
          encodeFieldValue(schema, 'temperature', decodeFieldValue(schema, 'temperature', ex) as string),
        ).toBe(ex)
      }),
    )
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 39n), max: 2n ** 39n - 1n }), (n) => {
        expect(decodeFieldValue(schema, 'count', encodeFieldValue(schema, 'count', n))).toBe(n)
      }),
    )
  })
})
