import { domainIdOf } from '@caldera/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Network, startNetwork, until } from '../../test/network.js'
import { setLanePaused } from '../actions/setLanePaused.js'
import { createWatcher, type Watcher } from './createWatcher.js'

describe('watcher: a reset while an isolation is still being retried', () => {
  let net: Network
  let watcher: Watcher
  beforeAll(async () => {
    net = await startNetwork()
    watcher = createWatcher({
      domains: net.watcherDomains('http'),
      retry: { delayMs: 100, maxDelayMs: 300, attempts: 1_000 },
      heartbeatMs: 200,
      failClosedAfterMs: 60_000,
    })
    await watcher.start()
  })
  afterAll(async () => {
    for (const c of net?.devnet.chains ?? []) c.resume()
    await watcher?.stop()
    await net?.devnet.stop()
  })

  it('stops the old retries, and a trip after the reset is sent again everywhere', async () => {
    const light = net.devnet.chain('light')
    await light.suspend()
    // light does not answer: the isolation of enterprise is cut on financial and retried on light.
    const first = watcher.isolate('enterprise', 'drill 1')
    await until(
      () => net.lanePaused('financial', domainIdOf('enterprise')),
      10_000,
      'financial cuts enterprise',
    )
    // Governance reviews, resets the breaker and reopens financial's lane.
    watcher.reset('enterprise', { by: 'governance', reason: 'false alarm' })
    await setLanePaused(net.devnet.chain('financial').walletClient, {
      channel: net.domain('financial').channel,
      peer: 'enterprise',
      paused: false,
    })
    // The old isolation stops retrying on light (1,000 attempts allowed) and owes it nothing.
    // (A transaction it had already sent may still land once light answers: it cannot be recalled.)
    const old = await first
    const onLight = old!.results.find((r) => r.chain === 'light')!
    expect(onLight.ok).toBe(false)
    expect(onLight.attempts).toBeLessThan(20)
    expect(watcher.health().find((h) => h.chain === 'light')?.pendingIsolations).toEqual([])
    light.resume()
    // … and a new trip sends a new isolation to every chain (it does not join the old one).
    const second = await watcher.isolate('enterprise', 'drill 2')
    expect(second).not.toBe(old)
    expect(second!.results.every((r) => r.ok)).toBe(true)
    expect(await net.lanePaused('financial', domainIdOf('enterprise'))).toBe(true)
    expect(await net.lanePaused('light', domainIdOf('enterprise'))).toBe(true)
  })
})
