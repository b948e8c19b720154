import { channelAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Network, startNetwork, until } from '../../test/network.js'
import { sendTransfer } from '../actions/sendTransfer.js'
import { WatcherConfigurationError } from '../errors/breaker.js'
import { type ChainReachable, type ChainUnreachable, createWatcher, type Watcher } from './createWatcher.js'

/** Above every tier's single-transfer limit: the channel's guard holds it (1 token = 1 USD). */
const ANOMALY = parseEra('1500000')

describe('watcher: a chain that does not answer when the watcher starts', () => {
  // Each test trips domains for good: each starts its own network. The networks are stopped at
  // the end: a WebSocket whose first connection failed is retried by viem on its own (a client
  // the watcher never got to close), and would log its refused reconnections meanwhile.
  let net: Network
  const networks: Network[] = []
  let watcher: Watcher | undefined
  beforeEach(async () => {
    net = await startNetwork()
    networks.push(net)
  })
  afterEach(async () => {
    for (const c of net?.devnet.chains ?? []) c.resume()
    await watcher?.stop()
    watcher = undefined
  })
  afterAll(async () => {
    for (const n of networks) await n.devnet.stop()
  })

  const isolated = (on: string) =>
    net.devnet.chain(on).publicClient.readContract({
      address: net.domain(on).channel,
      abi: channelAbi,
      functionName: 'isolated',
    })

  async function sendAnomaly(from: string, to: string) {
    const user = await net.fundUser(from, ANOMALY)
    const chain = net.devnet.chain(from)
    const sent = await sendTransfer({ ...chain.walletClient, account: user } as typeof chain.walletClient, {
      channel: net.domain(from).channel,
      toDomain: to,
      recipient: user.address,
      amount: ANOMALY,
    })
    expect(sent.held).toBe(true)
  }

  it('starts, reports the chain, cuts every lane it can reach and follows the chain from its first answer', async () => {
    const unreachable: ChainUnreachable[] = []
    const reachable: ChainReachable[] = []
    await net.devnet.chain('enterprise').suspend()
    watcher = createWatcher({
      domains: net.watcherDomains(),
      onUnreachable: (r) => unreachable.push(r),
      onReachable: (r) => reachable.push(r),
      retry: { delayMs: 100, maxDelayMs: 300, attempts: 3 },
      heartbeatMs: 200,
      failClosedAfterMs: 60_000,
      connectTimeoutMs: 2_000,
    })
    await watcher.start()
    expect(unreachable).toEqual([
      expect.objectContaining({ chain: 'enterprise', tier: 'enterprise', by: 'probe' }),
    ])
    expect(unreachable[0]!.error).toMatch(/enterprise chain did not answer/)
    expect(watcher.health().find((h) => h.chain === 'enterprise')).toMatchObject({ reachable: false })
    expect(watcher.health().find((h) => h.chain === 'light')).toMatchObject({ reachable: true })

    // An anomaly on light while enterprise is still out of reach: financial cuts light at once.
    await sendAnomaly('light', 'financial')
    await until(() => net.lanePaused('financial', domainIdOf('light')), 10_000, 'financial cuts light')
    expect(watcher.health().find((h) => h.chain === 'enterprise')?.pendingIsolations).toEqual([])
    await until(
      () =>
        watcher!
          .health()
          .find((h) => h.chain === 'enterprise')!
          .pendingIsolations.includes('light'),
      10_000,
      'the isolation owed to enterprise kept pending',
    )

    // enterprise answers: the isolation it owes is sent, and its channel is followed from now on.
    net.devnet.chain('enterprise').resume()
    await until(() => net.lanePaused('enterprise', domainIdOf('light')), 20_000, 'enterprise cuts light')
    await until(
      () => reachable.some((r) => r.chain === 'enterprise'),
      10_000,
      'enterprise reported reachable',
    )
    await sendAnomaly('enterprise', 'financial')
    await until(
      () => net.lanePaused('financial', domainIdOf('enterprise')),
      10_000,
      'financial cuts enterprise',
    )
    await until(() => net.lanePaused('light', domainIdOf('enterprise')), 10_000, 'light cuts enterprise')
    await until(
      () => watcher!.isolations.some((i) => i.domain === 'enterprise'),
      10_000,
      'enterprise isolation done',
    )
    const isolation = watcher.isolations.find((i) => i.domain === 'enterprise')!
    expect(isolation.trip.detector).toBe('onChainGuard')
    expect(isolation.results.every((r) => r.ok)).toBe(true)
  })

  it('cuts off a fail-closed (financial) domain whose chain is out of sight from the start', async () => {
    expect(await net.lanePaused('enterprise', domainIdOf('financial'))).toBe(false)
    await net.devnet.chain('financial').suspend()
    watcher = createWatcher({
      domains: net.watcherDomains(),
      retry: { delayMs: 100, maxDelayMs: 300, attempts: 3 },
      heartbeatMs: 200,
      failClosedAfterMs: 800,
      connectTimeoutMs: 2_000,
    })
    await watcher.start()
    await until(
      () => net.lanePaused('enterprise', domainIdOf('financial')),
      15_000,
      'enterprise cuts financial',
    )
    await until(() => net.lanePaused('light', domainIdOf('financial')), 15_000, 'light cuts financial')
    net.devnet.chain('financial').resume()
    await until(() => isolated('financial'), 20_000, 'financial isolates itself once it answers')
    await until(
      () => watcher!.isolations.some((i) => i.domain === 'financial'),
      10_000,
      'financial isolation done',
    )
    expect(watcher.isolations.find((i) => i.domain === 'financial')!.trip.detector).toBe('failClosed')
  })

  it('refuses at start a channel address that holds no Channel, naming the domain', async () => {
    const domains = net
      .watcherDomains()
      .map((d) =>
        d.name === 'light' ? { ...d, channel: net.devnet.chain('light').accounts[3]!.address } : d,
      )
    const misconfigured = createWatcher({ domains })
    const error = await misconfigured.start().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(WatcherConfigurationError)
    expect((error as Error).message).toMatch(/Domain light: 0x[0-9a-fA-F]{40} is not a Channel contract/)
    expect(misconfigured.health()).toEqual([])
    await misconfigured.stop()
  })
})
