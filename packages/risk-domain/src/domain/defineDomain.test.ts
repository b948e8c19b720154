import { parseEra, tierPresets, ValidationError } from '@caldera/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BelowTierMinimumError } from '../errors/domain.js'
import { defineDomain } from './defineDomain.js'

describe('defineDomain', () => {
  it('returns the tier preset and accepts stronger overrides', () => {
    const d = defineDomain({ name: 'payments-eu', tier: 'financial', chainId: 31_337 })
    expect(d.profile).toEqual(tierPresets.financial)
    const s = defineDomain({
      name: 'payments-eu',
      tier: 'financial',
      chainId: 31_337,
      overrides: { minValidators: 400, minStakePerValidator: parseEra('150000') },
    })
    expect(s.profile.minValidators).toBe(400)
    expect(s.profile.minStakePerValidator).toBe(parseEra('150000'))
  })

  it('rejects weakening overrides naming each field', () => {
    let error: unknown
    try {
      defineDomain({
        name: 'payments-eu',
        tier: 'financial',
        chainId: 1,
        overrides: { minValidators: 299, minStakePerValidator: parseEra('99999'), proofSystem: 'hybrid' },
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(BelowTierMinimumError)
    expect((error as BelowTierMinimumError).fields).toEqual([
      'minValidators',
      'minStakePerValidator',
      'proofSystem',
    ])
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Override below the financial tier minimum: minValidators, minStakePerValidator, proofSystem.

      - minValidators: 299 given, the financial minimum is 300
      - minStakePerValidator: 99999 ERA given, the financial minimum is 100000 ERA
      - proofSystem: hybrid given, the financial minimum is zk

      What to do: Keep the financial preset values (or stronger), or pass allowBelowTierMinimum: true to accept a weaker profile on purpose."
    `)
    expect(() =>
      defineDomain({
        name: 'docs',
        tier: 'enterprise',
        chainId: 1,
        overrides: { attestationQuorumBps: 5000 },
      }),
    ).toThrow(/attestationQuorumBps/)
    expect(() =>
      defineDomain({ name: 'docs', tier: 'enterprise', chainId: 1, overrides: { zkProofAboveUsd: null } }),
    ).toThrow(/zkProofAboveUsd/)
  })

  it('accepts a weaker profile only with the explicit opt-in', () => {
    const d = defineDomain({
      name: 'testnet',
      tier: 'light',
      chainId: 1,
      overrides: { minValidators: 4 },
      allowBelowTierMinimum: true,
    })
    expect(d.profile.minValidators).toBe(4)
  })

  it('validates the input', () => {
    expect(() => defineDomain({ name: 'Bad Name', tier: 'light', chainId: 1 })).toThrow(ValidationError)
    expect(() => defineDomain({ name: 'x', tier: 'gold' as never, chainId: 1 })).toThrow(/tier/)
  })

  it('never accepts a weaker validator count or stake without the opt-in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('financial', 'enterprise', 'light' as const),
        fc.integer({ min: 1, max: 1000 }),
        fc.bigInt({ min: 0n, max: parseEra('200000') }),
        (tier, minValidators, minStakePerValidator) => {
          const preset = tierPresets[tier]
          const weaker =
            minValidators < preset.minValidators || minStakePerValidator < preset.minStakePerValidator
          const run = () =>
            defineDomain({ name: 'd', tier, chainId: 1, overrides: { minValidators, minStakePerValidator } })
          if (weaker) expect(run).toThrow(BelowTierMinimumError)
          else expect(run().profile.minValidators).toBe(minValidators)
        },
      ),
    )
  })
})
