import { describe, expect, it } from 'vitest'
import { parseDollars, parseTimestamp, parseTransferLine, splitCsvLine } from './parseTransactionLine.js'

describe('transaction line parsing', () => {
  it('splits CSV with RFC 4180 quoting', () => {
    expect(splitCsvLine('a,b,,c')).toEqual(['a', 'b', '', 'c'])
    expect(splitCsvLine('"x, y","he said ""hi""",3')).toEqual(['x, y', 'he said "hi"', '3'])
  })
  it('parses dollars into micro-dollars without floats', () => {
    expect(parseDollars('1234.56')).toBe(1_234_560_000n)
    expect(parseDollars('7')).toBe(7_000_000n)
    expect(parseDollars('0.1234567')).toBe(123_456n)
    expect(parseDollars('99999999999999999999.99')).toBe(99_999_999_999_999_999_999_990_000n)
    for (const bad of ['-1', '1e3', 'abc', '', '1.2.3']) expect(parseDollars(bad)).toBeUndefined()
  })
  it('parses seconds and ISO 8601 times', () => {
    expect(parseTimestamp('1700000000')).toBe(1_700_000_000)
    expect(parseTimestamp('2017-01-01T00:00:00Z')).toBe(1_483_228_800)
    expect(parseTimestamp('2017-01-01')).toBe(1_483_228_800)
    expect(parseTimestamp('yesterday')).toBeUndefined()
  })
  it('names the bad field of a JSONL transfer', () => {
    expect(() => parseTransferLine('{"domain":"d"}', 3, 'f.jsonl')).toThrow(/^f\.jsonl:3: column from: /)
    expect(() => parseTransferLine('{oops', 4, 'f.jsonl')).toThrow(/^f\.jsonl:4: column \(line\): not JSON/)
  })
})
