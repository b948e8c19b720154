import { parseEra, parseUsd, tierPresets } from '@caldera/core'
import { describe, expect, it } from 'vitest'
import { assertLaneLimits, laneLimitUsd, stakeUsd } from './assertLaneLimits.js'
import { resolvePolicy } from './policy.js'

describe('policy', () => {
  it('merges overrides over the tier defaults and reads dollars', () => {
    const policy = resolvePolicy({
      tiers: { light: { singleTransferUsd: '250000.5' } },
      domains: { games: 'light' },
    })
    expect(policy.tiers.light.singleTransferUsd).toBe(250_000_500_000n)
    expect(policy.tiers.light.rolling.laneLimitUsd).toBe(parseUsd('1000000'))
    expect(policy.tiers.financial.singleTransferUsd).toBe(parseUsd('1000000'))
    expect(policy.domains.games).toBe('light')
  })

  it('names every bad field', () => {
    expect(() =>
      resolvePolicy({ tiers: { light: { rolling: { windowSeconds: -1, laneLimitUsd: 'lots' } } } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ValidationError: Invalid breaker policy (tier light): 2 problems.

      - rolling.windowSeconds: expected a number > 0, got -1 (number)
      - rolling.laneLimitUsd: expected a USD amount in dollars, e.g. 1000000 or "2500.50", got "lots" (string)

      What to do: Correct the fields above and call again.

      Details: rolling.windowSeconds: expected a number > 0, got -1 (number); rolling.laneLimitUsd: expected a USD amount in dollars, e.g. 1000000 or "2500.50", got "lots" (string)]
    `)
  })

  it('bounds a lane limit by the USD value of the weaker side’s minimum total stake', () => {
    const policy = resolvePolicy()
    // light: 50 × 10,000 ERA at 4 USD = 2,000,000 USD; financial–light lane limit 1,000,000 USD.
    expect(stakeUsd(tierPresets.light, policy.eraUsd)).toBe(parseUsd('2000000'))
    expect(laneLimitUsd(policy, 'financial', 'light')).toBe(parseUsd('1000000'))
    expect(() =>
      assertLaneLimits({
        policy,
        domains: [{ name: 'financial' }, { name: 'enterprise' }, { name: 'light' }],
      }),
    ).not.toThrow()
    const greedy = resolvePolicy({
      tiers: {
        light: { rolling: { laneLimitUsd: 3_000_000 } },
        enterprise: { rolling: { laneLimitUsd: 3_000_000 } },
      },
    })
    expect(() =>
      assertLaneLimits({ policy: greedy, domains: [{ name: 'enterprise' }, { name: 'light' }] }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [LaneLimitAboveStakeError: Lane enterprise<->light: rolling limit 3000000 USD exceeds the 2000000 USD minimum total stake of its weaker side (light, light).

      A lane may not move more value per window than the stake that secures its weaker domain.

      What to do: Lower the lane's rolling limit to at most 2000000 USD, or raise the weaker domain's stake profile.]
    `)
    // A smaller custom profile lowers the bound further.
    expect(() =>
      assertLaneLimits({
        policy,
        domains: [
          { name: 'financial' },
          { name: 'light', profile: { minValidators: 10, minStakePerValidator: parseEra('10000') } },
        ],
      }),
    ).toThrow(/exceeds the 400000 USD minimum total stake of its weaker side \(light, light\)/)
  })
})
