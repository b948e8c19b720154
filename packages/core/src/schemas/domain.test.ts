import { describe, expect, it } from 'vitest'
import { CalderaError } from '../errors/base.js'
import { ValidationError } from '../errors/validation.js'
import { parse } from '../validation/parse.js'
import { domainConfigSchema, domainIdOf } from './domain.js'
import { tierPresets } from './securityProfile.js'

const good = {
  name: 'payments-eu',
  tier: 'financial',
  chainId: 31_337,
  profile: { ...tierPresets.financial },
}

describe('domainConfigSchema', () => {
  it('accepts a preset-based config', () => {
    const config = parse(domainConfigSchema, good, 'domain config')
    expect(config.profile.minValidators).toBe(300)
    expect(config.profile.minStakePerValidator).toBe(100_000n * 10n ** 18n)
  })

  it('accepts stake as an integer string (JSON input)', () => {
    const config = parse(
      domainConfigSchema,
      { ...good, profile: { ...good.profile, minStakePerValidator: '100000000000000000000000' } },
      'domain config',
    )
    expect(config.profile.minStakePerValidator).toBe(10n ** 23n)
  })

  it('rejects a bad config with a CalderaError naming the field, the value and the expectation', () => {
    const bad = { ...good, chainId: -5, profile: { ...good.profile, minValidators: 'many' } }
    let error: unknown
    try {
      parse(domainConfigSchema, bad, 'domain config')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CalderaError)
    expect(error).toBeInstanceOf(ValidationError)
    const v = error as ValidationError
    expect(v.issues).toEqual([
      { path: 'chainId', received: '-5 (number)', expected: 'a number > 0' },
      { path: 'profile.minValidators', received: '"many" (string)', expected: 'a number' },
    ])
    expect(v.message).toMatchInlineSnapshot(`
      "Invalid domain config: 2 problems.

      - chainId: expected a number > 0, got -5 (number)
      - profile.minValidators: expected a number, got "many" (string)

      What to do: Correct the fields above and call again.

      Details: chainId: expected a number > 0, got -5 (number); profile.minValidators: expected a number, got "many" (string)"
    `)
  })

  it('names a missing field and an unknown tier', () => {
    const { name: _name, ...noName } = good
    try {
      parse(domainConfigSchema, { ...noName, tier: 'gaming' }, 'domain config')
      expect.unreachable()
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([
        { path: 'name', received: 'nothing (undefined)', expected: 'a string' },
        {
          path: 'tier',
          received: '"gaming" (string)',
          expected: 'one of "financial", "enterprise", "light"',
        },
      ])
    }
  })

  it('refuses a profile of another tier', () => {
    expect(() =>
      parse(domainConfigSchema, { ...good, profile: tierPresets.light }, 'domain config'),
    ).toThrowError(/profile\.tier: expected a profile of the same tier as the domain/)
  })

  it('derives domain ids from names', () => {
    expect(domainIdOf('payments-eu')).toMatch(/^0x[0-9a-f]{64}$/)
    expect(domainIdOf('a')).not.toBe(domainIdOf('b'))
  })
})
