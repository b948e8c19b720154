import { deployChannelNetwork } from '@caldera/circuit-breaker'
import { ValidationError } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { getCode } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaldera } from './createCaldera.js'
import { MissingContractError, UnknownDomainError } from './errors.js'

let devnet: Devnet

beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'payments' }, { name: 'games' }] })
}, 60_000)
afterAll(async () => {
  await devnet?.stop()
})

const domainOf = (name: 'payments' | 'games', tier: 'financial' | 'light') => {
  const chain = devnet.chain(name)
  return {
    name,
    tier,
    publicClient: chain.publicClient,
    walletClient: chain.walletClient,
    wsUrl: chain.wsUrl,
  }
}

describe('createCaldera', () => {
  it('rejects a bad config naming every bad field', () => {
    let error: unknown
    try {
      createCaldera({
        domains: [
          { ...domainOf('payments', 'financial'), tier: 'risky' as never },
          { ...domainOf('games', 'light'), name: 'payments', publicClient: {} as never },
        ],
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ValidationError)
    const message = (error as Error).message
    expect(message).toMatch(
      /domains\[0\]\.tier: expected one of "financial", "enterprise", "light", got "risky"/,
    )
    expect(message).toMatch(/domains\[1\]\.publicClient: expected a viem client/)
    expect(() =>
      createCaldera({ domains: [domainOf('games', 'light'), domainOf('games', 'light')] }),
    ).toThrow(/domains\[1\]\.name: expected a name no other domain has, got "games"/)
  })

  it('names the unknown domain and the missing contract', () => {
    const caldera = createCaldera({ domains: [domainOf('payments', 'financial')] })
    expect(() => caldera.domain('games')).toThrow(UnknownDomainError)
    expect(() => caldera.breaker.state('payments')).toThrow(MissingContractError)
    expect(caldera.domains.payments?.domainId).toMatch(/^0x[0-9a-f]{64}$/)
    expect(caldera.breaker.policy.domains).toMatchObject({ payments: 'financial' })
  })

  it('deploys a domain with deploy-lite, records its contracts and notarizes on its DisclosureVerifier', async () => {
    const network = await deployChannelNetwork({
      domains: [{ name: 'games', tier: 'light', walletClient: devnet.chain('games').walletClient }],
    })
    const token = network.domains[0]!.token
    const caldera = createCaldera({ domains: [domainOf('games', 'light')] })
    const params = { Channel: { token }, StakingRegistry: { token } }
    const lite = await caldera.deploy.plan('games', { params })
    const traditional = await caldera.deploy.plan('games', { params, mode: 'traditional' })
    expect(traditional.steps.length).toBeGreaterThan(1)
    const result = await caldera.deploy.domain('games', { params })
    expect(result.status).toBe('deployed')
    expect(result.gasUsed).toBe(lite.steps.reduce((sum, s) => sum + s.gas, 0n))
    const { Channel, DisclosureVerifier } = caldera.domains.games!.contracts
    expect(Channel).toBe(result.addresses.contracts.Channel)
    expect(await getCode(devnet.chain('games').publicClient, { address: Channel! })).toMatch(/^0x[0-9a-f]+$/)

    const root = 123456789n
    expect(await caldera.privacy.isNotarized('games', { root })).toBe(false)
    const { batchNumber } = await caldera.privacy.notarize('games', { root, recordCount: 1 })
    expect(batchNumber).toBeGreaterThanOrEqual(0n)
    expect(DisclosureVerifier).toBeDefined()
    expect(await caldera.privacy.isNotarized('games', { root })).toBe(true)
  }, 120_000)

  it('isolates a domain on every chain through the breaker actions', async () => {
    const { domains } = await deployChannelNetwork({
      domains: [
        { name: 'payments', tier: 'financial', walletClient: devnet.chain('payments').walletClient },
        { name: 'games', tier: 'light', walletClient: devnet.chain('games').walletClient },
      ],
    })
    const caldera = createCaldera({
      domains: [
        { ...domainOf('payments', 'financial'), contracts: { Channel: domains[0]!.channel } },
        { ...domainOf('games', 'light'), contracts: { Channel: domains[1]!.channel } },
      ],
    })
    expect((await caldera.breaker.state('payments')).lanes.games).toMatchObject({
      exists: true,
      paused: false,
    })
    const sent = await caldera.breaker.isolate('games')
    expect(sent.map((s) => s.chain)).toEqual(['payments', 'games'])
    expect((await caldera.breaker.state('payments')).lanes.games?.paused).toBe(true)
    expect((await caldera.breaker.state('payments')).isolated).toBe(false)
    expect((await caldera.breaker.state('games')).isolated).toBe(true)
  }, 120_000)

  it('is extendable like a viem client', () => {
    const caldera = createCaldera({
      domains: [domainOf('payments', 'financial'), domainOf('games', 'light')],
    })
    const extended = caldera
      .extend((c) => ({ tiers: () => Object.values(c.domains).map((d) => d.tier) }))
      .extend((c) => ({ lightDomains: () => c.tiers().filter((t) => t === 'light').length }))
    expect(extended.tiers()).toEqual(['financial', 'light'])
    expect(extended.lightDomains()).toBe(1)
    expect(extended.breaker).toBe(caldera.breaker)
    const { tier } = extended.classify({
      valueAtRiskUsd: 100_000_000n,
      txPerDay: 1_000,
      typicalTxValueUsd: 1_000_000n,
    })
    expect(tier).toBe('light')
  })
})
