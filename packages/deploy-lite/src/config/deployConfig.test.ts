import { ValidationError } from '@caldera/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { domainStack } from '../stack/domainStack.js'
import { validateDeployConfig } from './deployConfig.js'

const token = '0x00000000000000000000000000000000000e2a00'
const good = {
  mode: 'lite',
  domain: { name: 'payments', tier: 'enterprise', chainId: 31337 },
  admin: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  ethUsd: '3000000000',
  params: { Channel: { token }, StakingRegistry: { token, unbondingDelaySeconds: 3600 } },
}

/** Ways to break one field, with the path the error must name. */
// biome-ignore lint/suspicious/noExplicitAny: the breakers write wrong types on purpose
type Loose = Record<string, any>
const breakers: { path: string; apply: (c: Loose) => void }[] = [
  { path: 'mode', apply: (c) => (c.mode = 'cheap') },
  { path: 'domain.name', apply: (c) => (c.domain.name = 'Not A Name') },
  { path: 'domain.tier', apply: (c) => (c.domain.tier = 'gold') },
  { path: 'domain.chainId', apply: (c) => (c.domain.chainId = 0) },
  { path: 'admin', apply: (c) => (c.admin = '0x1234') },
  { path: 'poster', apply: (c) => (c.poster = 'nobody') },
  { path: 'gasPrice', apply: (c) => (c.gasPrice = -1) },
  { path: 'ethUsd', apply: (c) => (c.ethUsd = '3000.5') },
  { path: 'maxTransactionGas', apply: (c) => (c.maxTransactionGas = 30_000_000) },
  { path: 'params.Channel.token', apply: (c) => (c.params.Channel.token = '0xnope') },
  {
    path: 'params.StakingRegistry.unbondingDelaySeconds',
    apply: (c) => (c.params.StakingRegistry.unbondingDelaySeconds = -5),
  },
  { path: 'params.Unknown', apply: (c) => (c.params.Unknown = {}) },
]

describe('validateDeployConfig', () => {
  it('accepts a good config and fills in the defaults', () => {
    const config = validateDeployConfig({ config: good, stack: domainStack })
    expect(config.domain.profile.minValidators).toBe(100)
    expect(config.ethUsd).toBe(3_000_000_000n)
    expect(config.maxTransactionGas).toBe(16_777_216n)
    expect(config.params.StakingRegistry).toMatchObject({ unbondingDelaySeconds: 3600 })
  })

  it('names every broken field at once, whichever fields are broken', () => {
    fc.assert(
      fc.property(fc.subarray(breakers, { minLength: 1 }), (chosen) => {
        const config = structuredClone(good) as Loose
        for (const b of chosen) b.apply(config)
        let error: unknown
        try {
          validateDeployConfig({ config, stack: domainStack })
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(ValidationError)
        const paths = (error as ValidationError).issues.map((i) => i.path)
        for (const b of chosen) expect(paths).toContain(b.path)
      }),
      { numRuns: 200 },
    )
  })
})
