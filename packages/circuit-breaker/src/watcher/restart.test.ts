import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { domainIdOf, parseEra } from '@caldera/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Network, startNetwork, until } from '../../test/network.js'
import { sendTransfer } from '../actions/sendTransfer.js'
import { setLanePaused } from '../actions/setLanePaused.js'
import { WatcherStateError } from '../errors/breaker.js'
import { resolvePolicy } from '../policy/policy.js'
import { createWatcher, type Watcher } from './createWatcher.js'

describe('watcher restart with a state folder: trips stay enforced, missed anomalies still trip', () => {
  let net: Network
  let dir: string
  const velocity = { maxTransfers: 3, windowSeconds: 60 }
  const policy = resolvePolicy({ tiers: { light: { velocity }, enterprise: { velocity } } })
  const watcher = (stateDir: string, trips: string[] = []): Watcher =>
    createWatcher({
      policy,
      stateDir,
      domains: net.watcherDomains('http'),
      onTrip: (t) => trips.push(t.domain),
      heartbeatMs: 200,
    })

  beforeAll(async () => {
    net = await startNetwork({ policy })
    dir = mkdtempSync(join(tmpdir(), 'caldera-watcher-state-'))
  })
  afterAll(async () => {
    await net?.devnet.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('re-sends the isolation of a trip recorded before a restart', async () => {
    const first = watcher(dir)
    await first.start()
    await first.isolate('light', 'operator drill')
    expect(await net.lanePaused('financial', domainIdOf('light'))).toBe(true)
    await first.stop()
    const saved = JSON.parse(readFileSync(join(dir, 'watcher-state.json'), 'utf8'))
    expect(Object.keys(saved.trips)).toEqual(['light'])
    // As if the isolation had never reached the financial chain (the watcher died first).
    await setLanePaused(net.devnet.chain('financial').walletClient, {
      channel: net.domain('financial').channel,
      peer: 'light',
      paused: false,
    })
    expect(await net.lanePaused('financial', domainIdOf('light'))).toBe(false)
    const second = watcher(dir)
    await second.start()
    await until(
      () => net.lanePaused('financial', domainIdOf('light')),
      10_000,
      'financial lane to light cut again',
    )
    expect(second.circuitBreaker.breaker('light').state).toBe('open')
    // A reset is recorded too: the next restart no longer enforces it.
    second.reset('light', { by: 'ops', reason: 'reviewed' })
    await second.stop()
    expect(JSON.parse(readFileSync(join(dir, 'watcher-state.json'), 'utf8')).trips).toEqual({})
  })

  it('trips on an anomaly sent while no watcher was running', async () => {
    const third = watcher(dir)
    await third.start()
    await new Promise((r) => setTimeout(r, 1_500)) // the last seen block is saved about once a second
    await third.stop()
    // While the watcher is down: four quick transfers by one account trip the velocity detector.
    const user = await net.fundUser('enterprise', parseEra('1000'))
    const chain = net.devnet.chain('enterprise')
    const wallet = { ...chain.walletClient, account: user } as typeof chain.walletClient
    for (let i = 0; i < 4; i++)
      await sendTransfer(wallet, {
        channel: net.domain('enterprise').channel,
        toDomain: 'financial',
        recipient: user.address,
        amount: parseEra('1'),
      })
    expect(await net.lanePaused('financial', domainIdOf('enterprise'))).toBe(false)
    const trips: string[] = []
    const fourth = watcher(dir, trips)
    await fourth.start()
    await until(
      () => net.lanePaused('financial', domainIdOf('enterprise')),
      10_000,
      'enterprise cut off after restart',
    )
    expect(trips).toContain('enterprise')
    await fourth.stop()
  })

  it('refuses a corrupt state file instead of forgetting its trips', () => {
    const bad = mkdtempSync(join(tmpdir(), 'caldera-watcher-bad-'))
    try {
      writeFileSync(join(bad, 'watcher-state.json'), '{"trips": {')
      expect(() => watcher(bad)).toThrow(WatcherStateError)
    } finally {
      rmSync(bad, { recursive: true, force: true })
    }
  })
})
