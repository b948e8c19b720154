import fc from 'fast-check'
import { bytesToHex, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { BatchDecodeError, decodeBatch, encodeBatch } from './codec.js'

const transactions = fc.array(
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => bytesToHex(b) as Hex),
  { maxLength: 40 },
)

describe('encodeBatch / decodeBatch', () => {
  it('round-trips any list of transactions with every codec', () => {
    fc.assert(
      fc.property(
        transactions,
        fc.constantFrom('none' as const, 'zlib' as const, 'brotli' as const),
        (txs, codec) => {
          const decoded = decodeBatch({ batch: encodeBatch({ transactions: txs, codec }) })
          expect(decoded.codec).toBe(codec)
          expect(decoded.transactions).toEqual(txs)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('starts with the codec byte', () => {
    expect(encodeBatch({ transactions: ['0x01'], codec: 'none' })).toBe('0x00c101')
    expect(encodeBatch({ transactions: ['0x01'], codec: 'zlib' }).slice(0, 4)).toBe('0x01')
    expect(encodeBatch({ transactions: ['0x01'], codec: 'brotli' }).slice(0, 4)).toBe('0x02')
  })

  it('rejects an unknown codec and a corrupt payload', () => {
    expect(() => decodeBatch({ batch: '0x07c101' })).toThrow(BatchDecodeError)
    expect(() => decodeBatch({ batch: '0x01deadbeef' })).toThrow(BatchDecodeError)
  })
})
