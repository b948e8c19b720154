import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { channelAbi, eraTokenAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { readBatchCircuitArtifacts } from '@caldera/risk-domain/node'
import { parseEventLogs } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Network, startNetwork, TIERS, until } from '../../test/network.js'
import { sendTransfer } from '../actions/sendTransfer.js'
import { setLanePaused } from '../actions/setLanePaused.js'
import { settleHeld } from '../actions/settleHeld.js'
import { writeAndWait } from '../internal/client.js'
import { resolvePolicy } from '../policy/policy.js'
import { createRelayer, type Relayer } from '../relayer/createRelayer.js'
import { zkBatchProver } from '../relayer/zkBatchProver.js'
import { createWatcher, type Isolation, type Watcher } from './createWatcher.js'

/**
 * Locked − refunded = released + held + in flight, summed over the three chains (1 token = 1 USD
 * everywhere). Each chain is read at one pinned block: a send changes only its source chain and a
 * delivery only its destination chain (released and executed in one transaction), so the pinned
 * blocks give a consistent view while the relayer keeps running.
 */
async function conservation(net: Network) {
  // anvil answers a read at its newest block from live state, so a block mined during the
  // snapshot can make one read newer than another; such a torn snapshot is taken again.
  for (let attempt = 1; ; attempt++) {
    const snapshot = await snapshotValue(net)
    if (snapshot.lockedNet === snapshot.released + snapshot.held + snapshot.inFlight || attempt === 5) {
      expect(snapshot.lockedNet).toBe(snapshot.released + snapshot.held + snapshot.inFlight)
      return snapshot
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function snapshotValue(net: Network) {
  const pinned = Object.fromEntries(
    await Promise.all(
      TIERS.map(
        async (t) => [t, await net.devnet.chain(t).publicClient.getBlockNumber({ cacheTime: 0 })] as const,
      ),
    ),
  ) as Record<string, bigint>
  let lockedNet = 0n
  let released = 0n
  let held = 0n
  let inFlight = 0n
  for (const tier of TIERS) {
    const t = await net.totals(tier, pinned[tier])
    lockedNet += t.locked - t.refunded
    released += t.released
    held += t.held
    const chain = net.devnet.chain(tier)
    const sent = await chain.publicClient.getContractEvents({
      address: net.domain(tier).channel,
      abi: channelAbi,
      eventName: 'MessageSent',
      fromBlock: 0n,
      toBlock: pinned[tier],
    })
    for (const log of sent) {
      const to = TIERS.find((d) => domainIdOf(d) === log.args.destinationDomain)!
      const done = await net.devnet.chain(to).publicClient.readContract({
        address: net.domain(to).channel,
        abi: channelAbi,
        functionName: 'executed',
        args: [domainIdOf(tier), log.args.nonce!],
        blockNumber: pinned[to],
      })
      if (!done) inFlight += log.args.amount!
    }
  }
  return { lockedNet, released, held, inFlight }
}

function userWallet(net: Network, tier: string, index = 1) {
  const chain = net.devnet.chain(tier)
  return { ...chain.walletClient, account: chain.accounts[index]! } as typeof chain.walletClient
}

describe('dynamic circuit breaker on three anvil chains', () => {
  let net: Network
  let watcher: Watcher
  let relayer: Relayer
  let dir: string
  const isolations: Isolation[] = []
  const trips: string[] = []
  const relayerErrors: unknown[] = []
  beforeAll(async () => {
    // Financial batches carry Groth16 proofs; enterprise batches are attested, wait out a 2 s
    // challenge window (HybridVerifier) and then execute; light batches carry k-of-n attestations.
    net = await startNetwork({ verification: 'tiered' })
    const artifacts = await readBatchCircuitArtifacts()
    dir = mkdtempSync(join(tmpdir(), 'caldera-breaker-'))
    watcher = createWatcher({
      // After a reset, light's queued value is paid out at 1,000 USD per second.
      policy: resolvePolicy({ tiers: { light: { halfOpen: { drainUsdPerSecond: 1_000 } } } }),
      domains: net.watcherDomains(),
      onIsolated: (i) => isolations.push(i),
      onTrip: (t) => trips.push(`${t.domain}:${t.detector}`),
    })
    relayer = createRelayer({
      queueDir: join(dir, 'queue'),
      pollIntervalMs: 50,
      domains: net.domains.map((d) => ({
        name: d.name,
        tier: d.tier,
        channel: d.channel,
        client: net.devnet.chain(d.name).publicClient,
        walletClient: net.devnet.chain(d.name).walletClient,
        signers: d.validators,
        ...(d.zkCap !== undefined
          ? {
              // The financial (zk) tier's proofs carry its signers' attestations; the enterprise
              // (hybrid) tier's HybridVerifier authenticates batches itself.
              prove: zkBatchProver({
                artifacts,
                cap: d.zkCap,
                ...(d.tier === 'financial' ? { signers: d.validators } : {}),
              }),
              maxBatch: 8,
            }
          : {}),
        ...(d.tier === 'enterprise' ? { verification: 'hybrid' as const } : {}),
      })),
      onError: (e) => relayerErrors.push(e),
      circuitBreaker: watcher.circuitBreaker,
    })
    await watcher.start()
    await relayer.start()
  })
  afterAll(async () => {
    await relayer?.stop()
    await watcher?.stop()
    await net?.devnet.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('holds the anomaly in its own domain, cuts the domain off everywhere, keeps the rest running, refunds and drains', async () => {
    for (const tier of TIERS) await net.fundUser(tier, parseEra('2000000'))
    const send = (from: string, to: string, amount: string) =>
      sendTransfer(userWallet(net, from), {
        channel: net.domain(from).channel,
        toDomain: to,
        recipient: net.devnet.chain(to).accounts[2]!.address,
        amount: parseEra(amount),
      })
    const drained = () =>
      until(async () => (await conservation(net)).inFlight === 0n, 20_000, 'relayer delivery')

    // 1. Ordinary traffic on every lane is delivered.
    await send('financial', 'enterprise', '1000')
    await send('enterprise', 'light', '2000')
    await send('light', 'financial', '3000')
    await drained()
    expect(await conservation(net)).toMatchObject({ held: 0n, inFlight: 0n, released: parseEra('6000') })
    // The enterprise channel checks financial's batches with the Groth16 verifier.
    const [, , , config] = await net.devnet.chain('enterprise').publicClient.readContract({
      address: net.domain('enterprise').channel,
      abi: channelAbi,
      functionName: 'lane',
      args: [domainIdOf('financial')],
    })
    expect(config.verifier.toLowerCase()).toBe(net.domain('enterprise').zkVerifier?.toLowerCase())
    const [, , , fromEnterprise] = await net.devnet.chain('financial').publicClient.readContract({
      address: net.domain('financial').channel,
      abi: channelAbi,
      functionName: 'lane',
      args: [domainIdOf('enterprise')],
    })
    expect(fromEnterprise.verifier.toLowerCase()).toBe(net.domain('financial').hybridVerifier?.toLowerCase())

    // 2. A light transfer is in flight when the anomaly happens (the relayer is down for a moment).
    await relayer.stop()
    await send('light', 'financial', '4000')
    expect((await conservation(net)).inFlight).toBe(parseEra('4000'))

    // 3. 1.5M USD in the light domain: held by its own channel in the same transaction.
    const anomaly = await send('light', 'financial', '1500000')
    expect(anomaly.held).toBe(true)
    const events = parseEventLogs({ abi: channelAbi, logs: anomaly.receipt.logs }).map((l) => l.eventName)
    expect(events).toContain('TransferHeld')
    expect(events).toContain('LaneTripped')
    expect(events).toContain('DomainIsolated')
    expect(events).not.toContain('MessageSent')
    expect(await conservation(net)).toMatchObject({ held: parseEra('1500000'), inFlight: parseEra('4000') })

    // 4. The watcher pauses light's lanes on both other chains and isolates light itself.
    await until(() => isolations.length > 0, 10_000, 'isolation')
    expect(isolations[0]).toMatchObject({ domain: 'light', trip: { detector: 'onChainGuard' } })
    expect(isolations[0]!.results.every((r) => r.ok)).toBe(true)
    const lightId = domainIdOf('light')
    expect(await net.lanePaused('financial', lightId)).toBe(true)
    expect(await net.lanePaused('enterprise', lightId)).toBe(true)
    expect(await net.lanePaused('light', domainIdOf('financial'))).toBe(true)
    await expect(send('enterprise', 'light', '10')).rejects.toThrow(/LaneIsPaused/)
    await expect(send('light', 'enterprise', '10')).rejects.toThrow(/LaneIsPaused/)

    // 5. Traffic between financial and enterprise goes on; the light message stays queued.
    await relayer.start()
    await send('financial', 'enterprise', '500')
    await send('enterprise', 'financial', '700')
    await until(
      async () => (await conservation(net)).inFlight === parseEra('4000'),
      20_000,
      'fin/ent delivery',
    )
    expect(relayer.pending().map((m) => m.key)).toEqual(['light>financial#2'])
    expect(await conservation(net)).toMatchObject({ held: parseEra('1500000'), inFlight: parseEra('4000') })

    // 6. Governance refunds the held transfer to its sender.
    const light = net.devnet.chain('light')
    const sender = light.accounts[1]!.address
    const before = await light.publicClient.readContract({
      address: net.domain('light').token,
      abi: eraTokenAbi,
      functionName: 'balanceOf',
      args: [sender],
    })
    await settleHeld(light.walletClient, {
      channel: net.domain('light').channel,
      heldId: 1n,
      action: 'refund',
    })
    const after = await light.publicClient.readContract({
      address: net.domain('light').token,
      abi: eraTokenAbi,
      functionName: 'balanceOf',
      args: [sender],
    })
    expect(after - before).toBe(parseEra('1500000'))
    expect(await conservation(net)).toMatchObject({ held: 0n, inFlight: parseEra('4000') })
    await expect(
      settleHeld(light.walletClient, { channel: net.domain('light').channel, heldId: 1n, action: 'release' }),
    ).rejects.toThrow(/NotHeld/)
    // Nothing from light was delivered while it was isolated.
    const fromLight = await net.devnet.chain('financial').publicClient.getContractEvents({
      address: net.domain('financial').channel,
      abi: channelAbi,
      eventName: 'MessageDelivered',
      args: { sourceDomain: lightId },
      fromBlock: 0n,
    })
    expect(fromLight.map((l) => l.args.amount)).toEqual([parseEra('3000')])

    // 7. Explicit reset. Reopening financial's lane is not enough: light isolated itself in the
    //    anomaly's transaction and keeps its in-flight message until governance lifts that.
    watcher.reset('light', { by: 'governance', reason: 'held transfer refunded after review' })
    await setLanePaused(net.devnet.chain('financial').walletClient, {
      channel: net.domain('financial').channel,
      peer: 'light',
      paused: false,
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(relayer.pending().map((m) => m.key)).toEqual(['light>financial#2'])
    await expect(send('light', 'enterprise', '10')).rejects.toThrow(/LaneIsPaused/)
    await writeAndWait(light.walletClient, {
      address: net.domain('light').channel,
      abi: channelAbi,
      functionName: 'liftIsolation',
      args: [],
    })
    await setLanePaused(light.walletClient, {
      channel: net.domain('light').channel,
      peer: 'financial',
      paused: false,
    })
    // Every lane is open again, but the half-open breaker pays light's 4,000 USD only once four
    // seconds of its drain budget have accrued: it is still queued now.
    await new Promise((r) => setTimeout(r, 300))
    expect(relayer.pending().map((m) => m.key)).toEqual(['light>financial#2'])
    expect(watcher.circuitBreaker.breaker('light').state).toBe('halfOpen')
    await drained()
    expect(watcher.circuitBreaker.breaker('light').wasPaid('light>financial#2')).toBe(true)
    expect(relayer.pending()).toEqual([])
    expect(await conservation(net)).toMatchObject({ held: 0n, inFlight: 0n })
    await send('light', 'financial', '10')
    await drained()
    expect(watcher.circuitBreaker.breaker('light').log.map((e) => e.to)).toEqual(['open', 'halfOpen'])
    expect(trips).toEqual(['light:onChainGuard'])
    expect(relayerErrors).toEqual([])
  })
})
