import { channelAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Network, startNetwork, until } from '../../test/network.js'
import { sendTransfer } from '../actions/sendTransfer.js'
import { createWatcher, type Isolation, type Watcher } from './createWatcher.js'

describe('watcher on three anvil chains', () => {
  let net: Network
  let watcher: Watcher
  const isolations: Isolation[] = []
  beforeAll(async () => {
    net = await startNetwork()
    watcher = createWatcher({
      domains: net.domains.map((d) => ({
        name: d.name,
        tier: d.tier,
        channel: d.channel,
        wsUrl: net.devnet.chain(d.name).wsUrl,
        walletClient: net.devnet.chain(d.name).walletClient,
      })),
      onIsolated: (i) => isolations.push(i),
    })
    await watcher.start()
  })
  afterAll(async () => {
    await watcher?.stop()
    await net?.devnet.stop()
  })

  it('holds a 1.5M USD light transfer in its own channel and isolates light on every chain', async () => {
    const light = net.devnet.chain('light')
    const user = await net.fundUser('light', parseEra('2000000'))
    const userWallet = { ...light.walletClient, account: user } as typeof light.walletClient
    const held = await sendTransfer(userWallet, {
      channel: net.domain('light').channel,
      toDomain: 'financial',
      recipient: user.address,
      amount: parseEra('1500000'),
    })
    expect(held.held).toBe(true)
    expect((await net.totals('light')).held).toBe(parseEra('1500000'))
    await until(() => isolations.length > 0, 10_000, 'isolation')
    const isolation = isolations[0]!
    expect(isolation.domain).toBe('light')
    expect(isolation.trip.detector).toBe('onChainGuard')
    expect(isolation.results.map((r) => [r.chain, r.ok])).toEqual([
      ['financial', true],
      ['enterprise', true],
      ['light', true],
    ])
    const lightId = domainIdOf('light')
    expect(await net.lanePaused('financial', lightId)).toBe(true)
    expect(await net.lanePaused('enterprise', lightId)).toBe(true)
    expect(await net.lanePaused('financial', domainIdOf('enterprise'))).toBe(false)
    expect(
      await light.publicClient.readContract({
        address: net.domain('light').channel,
        abi: channelAbi,
        functionName: 'isolated',
      }),
    ).toBe(true)
  })
})
