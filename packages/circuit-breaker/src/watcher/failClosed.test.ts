import { channelAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Network, startNetwork, until } from '../../test/network.js'
import { sendTransfer } from '../actions/sendTransfer.js'
import { setLanePaused } from '../actions/setLanePaused.js'
import { writeAndWait } from '../internal/client.js'
import { resolvePolicy } from '../policy/policy.js'
import {
  type ChainReachable,
  type ChainUnreachable,
  createWatcher,
  type Isolation,
  type IsolationCaughtUp,
  type Watcher,
} from './createWatcher.js'

describe('watcher: detectors, unreachable chains and fail-closed', () => {
  let net: Network
  let watcher: Watcher
  const isolations: Isolation[] = []
  const errors: string[] = []
  const unreachable: ChainUnreachable[] = []
  const reachable: ChainReachable[] = []
  const policy = resolvePolicy({ tiers: { light: { velocity: { maxTransfers: 3, windowSeconds: 60 } } } })
  beforeAll(async () => {
    net = await startNetwork({ policy })
    watcher = createWatcher({
      policy,
      domains: net.watcherDomains(),
      onIsolated: (i) => isolations.push(i),
      onError: ({ chain }) => errors.push(chain),
      onUnreachable: (r) => unreachable.push(r),
      onReachable: (r) => reachable.push(r),
      retry: { delayMs: 100, maxDelayMs: 300, attempts: 100 },
      heartbeatMs: 200,
      failClosedAfterMs: 800,
    })
    await watcher.start()
  })
  afterAll(async () => {
    for (const c of net?.devnet.chains ?? []) c.resume()
    await watcher?.stop()
    await net?.devnet.stop()
  })

  it('isolates on a detector trip, retries an unreachable chain and reports it', async () => {
    const user = await net.fundUser('light', parseEra('1000'))
    const light = net.devnet.chain('light')
    const wallet = { ...light.walletClient, account: user } as typeof light.walletClient
    await net.devnet.chain('enterprise').suspend()
    // Four quick small transfers by one account: the velocity detector (max 3 per minute) trips.
    for (let i = 0; i < 4; i++)
      await sendTransfer(wallet, {
        channel: net.domain('light').channel,
        toDomain: 'financial',
        recipient: user.address,
        amount: parseEra('1'),
      })
    await until(() => errors.includes('enterprise'), 10_000, 'unreachable enterprise reported')
    expect(await net.lanePaused('financial', domainIdOf('light'))).toBe(true)
    expect(isolations).toEqual([])
    await until(() => unreachable.some((r) => r.chain === 'enterprise'), 10_000, 'onUnreachable(enterprise)')
    expect(unreachable.find((r) => r.chain === 'enterprise')).toMatchObject({ tier: 'enterprise' })
    expect(unreachable.find((r) => r.chain === 'enterprise')!.error).not.toBe('')
    expect(watcher.health().find((h) => h.chain === 'enterprise')).toMatchObject({ reachable: false })
    expect(watcher.health().find((h) => h.chain === 'financial')).toMatchObject({ reachable: true })
    net.devnet.chain('enterprise').resume()
    await until(() => isolations.length === 1, 20_000, 'isolation completed')
    const [isolation] = isolations
    expect(isolation).toMatchObject({ domain: 'light', trip: { detector: 'velocity' } })
    const enterprise = isolation!.results.find((r) => r.chain === 'enterprise')!
    expect(enterprise.ok).toBe(true)
    expect(enterprise.attempts).toBeGreaterThan(1)
    expect(await net.lanePaused('enterprise', domainIdOf('light'))).toBe(true)
    await until(() => reachable.some((r) => r.chain === 'enterprise'), 10_000, 'onReachable(enterprise)')
    expect(watcher.health().find((h) => h.chain === 'enterprise')).toMatchObject({ reachable: true })
  })

  it('isolates a fail-closed (financial) domain whose chain the watcher can no longer reach', async () => {
    // Reopen enterprise's lane to financial in case anything touched it, then lose sight of financial.
    await setLanePaused(net.devnet.chain('enterprise').walletClient, {
      channel: net.domain('enterprise').channel,
      peer: 'financial',
      paused: false,
    })
    await net.devnet.chain('financial').suspend()
    // The peers are cut off from financial at once; financial itself is retried until it answers.
    await until(() => net.lanePaused('enterprise', domainIdOf('financial')), 10_000, 'enterprise lane paused')
    await until(() => net.lanePaused('light', domainIdOf('financial')), 10_000, 'light lane paused')
    net.devnet.chain('financial').resume()
    await until(() => isolations.some((i) => i.domain === 'financial'), 20_000, 'financial isolation done')
    const isolation = isolations.find((i) => i.domain === 'financial')!
    expect(isolation.trip.detector).toBe('failClosed')
    expect(isolation.results.every((r) => r.ok)).toBe(true)
    // enterprise (not fail-closed) was unreachable earlier without being isolated for it.
    expect(isolations.filter((i) => i.domain === 'enterprise')).toEqual([])
  })

  it('keeps an isolation that gave up on a chain pending and sends it once the chain answers', async () => {
    await watcher.stop()
    const light = net.devnet.chain('light')
    await writeAndWait(light.walletClient, {
      address: net.domain('light').channel,
      abi: channelAbi,
      functionName: 'liftIsolation',
      args: [],
    })
    expect(await net.lanePaused('light', domainIdOf('enterprise'))).toBe(false)
    const caughtUp: IsolationCaughtUp[] = []
    const quick = createWatcher({
      policy,
      domains: net.watcherDomains(),
      onCaughtUp: (c) => caughtUp.push(c),
      retry: { delayMs: 50, maxDelayMs: 200, attempts: 2 },
      heartbeatMs: 200,
      failClosedAfterMs: 60_000,
    })
    watcher = quick
    await quick.start()
    await light.suspend()
    const isolation = (await quick.isolate('enterprise', 'drill'))!
    expect(isolation.results.find((r) => r.chain === 'light')).toMatchObject({ ok: false, attempts: 2 })
    expect(isolation.results.find((r) => r.chain === 'financial')).toMatchObject({ ok: true })
    expect(quick.health().find((h) => h.chain === 'light')).toMatchObject({
      reachable: false,
      pendingIsolations: ['enterprise'],
    })
    light.resume()
    await until(() => caughtUp.length === 1, 20_000, 'isolation caught up on light')
    expect(caughtUp[0]).toMatchObject({ domain: 'enterprise', result: { chain: 'light', ok: true } })
    expect(caughtUp[0]!.result.attempts).toBeGreaterThan(2)
    expect(isolation.results.find((r) => r.chain === 'light')!.ok).toBe(true)
    expect(await net.lanePaused('light', domainIdOf('enterprise'))).toBe(true)
    expect(quick.health().find((h) => h.chain === 'light')).toMatchObject({
      reachable: true,
      pendingIsolations: [],
    })
  })
})
