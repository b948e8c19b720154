import { describe, expect, it } from 'vitest'
import { toUsd } from '../schemas/money.js'
import { minTotalStake, tierPresets } from '../schemas/securityProfile.js'
import { formatEra, formatUsd, parseEra, parseUsd } from './units.js'

describe('units', () => {
  it('parses and formats ERA and USD without floating point', () => {
    expect(parseEra('100000')).toBe(100_000n * 10n ** 18n)
    expect(parseEra('0.000000000000000001')).toBe(1n)
    expect(formatEra(parseEra('12345.678'))).toBe('12345.678')
    expect(parseUsd('1,000,000')).toBe(1_000_000_000_000n)
    expect(parseUsd(0.1)).toBe(100_000n)
    expect(formatUsd(1_500_000_000_000n)).toBe('1500000')
  })

  it('rejects amounts it cannot read exactly', () => {
    expect(() => parseUsd('1.0000001')).toThrowError(/more than 6 decimals/)
    expect(() => parseEra('ten')).toThrowError(/Cannot read "ten" as an amount of ERA/)
    expect(() => parseUsd(Number.NaN)).toThrowError(/Cannot read NaN/)
  })

  it('values money in USD, rounding down', () => {
    const usd = toUsd(
      { amount: 2n * 10n ** 18n + 1n, decimals: 18, currency: 'ETH' },
      { currency: 'ETH', usdPerUnit: 3000_00000000n, decimals: 8 },
    )
    expect(usd).toBe(6000_000000n)
    expect(() =>
      toUsd({ amount: 1n, decimals: 6, currency: 'EUR' }, { currency: 'ETH', usdPerUnit: 1n, decimals: 0 }),
    ).toThrowError(/Cannot value EUR with a ETH price/)
  })

  it('presets match the security profiles of the three tiers', () => {
    expect(
      Object.values(tierPresets).map((p) => [
        p.tier,
        p.minValidators,
        formatEra(p.minStakePerValidator),
        p.proofSystem,
      ]),
    ).toEqual([
      ['financial', 300, '100000', 'zk'],
      ['enterprise', 100, '50000', 'hybrid'],
      ['light', 50, '10000', 'simplified'],
    ])
    expect(formatEra(minTotalStake(tierPresets.light))).toBe('500000')
  })
})
