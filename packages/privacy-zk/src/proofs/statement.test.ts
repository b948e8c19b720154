import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packStatement, unpackStatement } from './statement.js'

describe('statement packing', () => {
  it('round-trips and stays below 2^115 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.bigInt({ min: 0n, max: 2n ** 40n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 40n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }),
        (fieldIndex, min, max, scope) => {
          const packed = packStatement({ fieldIndex, min, max, scope })
          expect(packed < 2n ** 115n).toBe(true)
          expect(unpackStatement(packed)).toEqual({ fieldIndex, min, max, scope })
        },
      ),
    )
  })

  it('rejects values that would overlap another part', () => {
    expect(() => packStatement({ fieldIndex: 8, min: 0n, max: 0n, scope: 0n })).toThrow(/Field index/)
    expect(() => packStatement({ fieldIndex: 0, min: 2n ** 40n, max: 0n, scope: 0n })).toThrow(/min/)
    expect(() => packStatement({ fieldIndex: 0, min: 0n, max: 0n, scope: 2n ** 32n })).toThrow(/uint32/)
    expect(() => unpackStatement(2n ** 115n)).toThrow(/Not a packed statement/)
  })
})
