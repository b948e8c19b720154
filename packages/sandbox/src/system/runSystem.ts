import { createRelayer, createWatcher, type Relayer, type Watcher } from '@caldera/circuit-breaker'
import { type AmlMonitor, createAmlMonitor } from '@caldera/compliance'
import { channelAbi, stakingRegistryAbi } from '@caldera/contracts'
import { assertProfileMet, ProfileNotMetError } from '@caldera/risk-domain'
import { encodeFunctionData, type Hash } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import { nowMs, sleep } from '../load/clock.js'
import { sendSignedBatch } from '../load/sendSigned.js'
import type { BreakerEvent, FaultRecord } from '../report/types.js'
import { ERA_PER_MICRO_USD, type SystemDomain } from './deploySystem.js'

/** What the system measured by the end of a run. */
export type SystemMetrics = {
  messagesSent: number
  messagesDelivered: number
  messagesPending: number
  messagesLost: number
  messagesDuplicated: number
  /** Micro-dollars. */
  valueLocked: bigint
  valueReleased: bigint
  valueHeld: bigint
  valueRefunded: bigint
  valueInFlight: bigint
  valueLost: bigint
  heldByDomain: Record<string, bigint>
  /** Mean gas per delivered message, by source tier (from the relayer's batch receipts). */
  verificationGasPerMessage: Record<string, number>
  amlAlerts: number
  amlByRule: Record<string, number>
  domainStatus: Record<string, string>
}

/** The cross-domain system while a scenario runs: relayer, watcher, AML monitor, attacks. */
export type RunningSystem = {
  readonly timeline: BreakerEvent[]
  /** Wall-clock ms of every trip and completed isolation, and of the first exploit. */
  readonly trip: {
    trips: { domain: string; at: number }[]
    isolations: { domain: string; at: number }[]
    exploit?: { domain: string; hash: Hash; sentAt: number }
  }
  readonly aml: AmlMonitor
  exploit(p: { domain: string; usd: number }): Promise<FaultRecord>
  splitAttack(p: { domain: string; transfers: number; usdEach: number }): Promise<FaultRecord>
  validatorDrop(p: { domain: string; leaving: number }): Promise<FaultRecord>
  restartRelayer(p: { downSeconds: number }): Promise<FaultRecord>
  /** Waits until no message is in flight on an open lane (or the timeout passes). */
  settle(timeoutMs: number): Promise<void>
  /** Stops the relayer and watcher and reads the final state of every channel. */
  finish(): Promise<SystemMetrics>
}

const key = (source: string, destination: string, nonce: bigint) => `${source}>${destination}#${nonce}`

/**
 * Starts the cross-domain system over deployed domains: the relayer (`createRelayer`, durable
 * queue in `queueDir`, attestations by each source domain's validators), the breaker watcher
 * (`createWatcher`, WebSocket subscriptions, isolating an anomalous domain on every chain) and
 * the AML monitor (`createAmlMonitor`); returns the fault actions and the final accounting.
 */
export async function startSystem(options: {
  domains: readonly SystemDomain[]
  queueDir: string
  /** Wall-clock ms the timeline counts from. */
  runStart: () => number
}): Promise<RunningSystem> {
  check(inputSchemas.startSystem, options, 'startSystem options')
  const { domains, queueDir, runStart } = options
  const timeline: BreakerEvent[] = []
  const t = () => Math.round(nowMs() - runStart()) / 1000
  const byName = new Map(domains.map((d) => [d.name, d]))
  const nameOf = new Map(domains.map((d) => [d.domainId.toLowerCase(), d.name]))
  const trip: RunningSystem['trip'] = { trips: [], isolations: [] }
  let relayerErrors = 0
  const batches: { source: string; destination: string; hash: Hash; messages: number }[] = []
  const startBlocks = new Map(
    await Promise.all(domains.map(async (d) => [d.name, await d.publicClient.getBlockNumber()] as const)),
  )

  const watcher: Watcher = createWatcher({
    domains: domains.map((d) => ({
      name: d.name,
      tier: d.tier,
      channel: d.channel,
      ...(d.wsUrl !== undefined ? { wsUrl: d.wsUrl } : { client: d.publicClient }),
      walletClient: d.watcherWallet,
    })),
    onTrip: (x) => {
      trip.trips.push({ domain: x.domain, at: nowMs() })
      timeline.push({ t: t(), domain: x.domain, event: 'trip', detail: `${x.detector}: ${x.reason}` })
    },
    onIsolated: (i) => {
      trip.isolations.push({ domain: i.domain, at: nowMs() })
      const ok = i.results.filter((r) => r.ok).map((r) => r.chain)
      timeline.push({
        t: t(),
        domain: i.domain,
        event: 'isolated',
        detail: `lanes paused on ${ok.join(', ')} in ${Math.round(i.ms)} ms`,
      })
      for (const r of i.results)
        timeline.push({
          t: t(),
          domain: i.domain,
          event: r.ok ? 'lane-paused' : 'isolation-failed',
          detail: `${r.chain}: ${r.ok ? `${Math.round(r.ms)} ms, ${r.attempts} attempt(s)` : (r.error ?? 'failed')}`,
        })
    },
  })
  const makeRelayer = () =>
    createRelayer({
      queueDir,
      pollIntervalMs: 100,
      domains: domains.map((d) => ({
        name: d.name,
        tier: d.tier,
        channel: d.channel,
        client: d.publicClient,
        walletClient: d.relayerWallet,
        signers: d.committee.slice(0, d.threshold),
      })),
      onBatchSent: (b) =>
        batches.push({ source: b.source, destination: b.destination, hash: b.hash, messages: b.keys.length }),
      onError: (error) => {
        relayerErrors++
        if (relayerErrors <= 3)
          timeline.push({
            t: t(),
            domain: '*',
            event: 'relayer-error',
            detail: (error instanceof Error
              ? ((error as { shortMessage?: string }).shortMessage ?? error.message)
              : String(error)
            ).slice(0, 300),
          })
      },
    })
  let relayer: Relayer = makeRelayer()
  const aml = createAmlMonitor()
  await watcher.start()
  await relayer.start()

  const attackerNonce = new Map<string, number>(domains.map((d) => [d.name, 1]))
  const attack = async (domain: SystemDomain, usdEach: number, transfers: number) => {
    const peer = domains.find((p) => p.name !== domain.name)!
    const first = attackerNonce.get(domain.name)!
    attackerNonce.set(domain.name, first + transfers)
    const amount = BigInt(Math.round(usdEach * 100)) * 10_000n * ERA_PER_MICRO_USD
    const sentAt = nowMs()
    const hashes = await sendSignedBatch({
      rpcUrl: domain.rpcUrl,
      chainId: domain.chainId,
      what: `attack transfers on ${domain.name}`,
      allowRevert: true,
      calls: Array.from({ length: transfers }, (_, i) => ({
        account: domain.attacker,
        nonce: first + i,
        to: domain.channel,
        data: encodeFunctionData({
          abi: channelAbi,
          functionName: 'send',
          args: [peer.domainId, peer.attacker.address, amount],
        }),
        gas: 300_000n,
      })),
    })
    return { hashes, sentAt, peer, reverted: hashes.reverted?.length ?? 0 }
  }

  return {
    timeline,
    trip,
    aml,
    async exploit({ domain, usd }) {
      const d = byName.get(domain)!
      const at = t()
      const { hashes, sentAt, peer, reverted } = await attack(d, usd, 1)
      if (hashes[0] !== undefined && reverted === 0) trip.exploit ??= { domain, hash: hashes[0], sentAt }
      const outcome = reverted > 0 ? ' (refused: the lane was already paused)' : ''
      const detail = `$${usd.toLocaleString('en-US')} to ${peer.name}${outcome}`
      timeline.push({ t: at, domain, event: 'exploit', detail })
      return { t: at, kind: 'exploit', domain, detail: `one transfer of ${detail}` }
    },
    async splitAttack({ domain, transfers, usdEach }) {
      const d = byName.get(domain)!
      const at = t()
      const { reverted } = await attack(d, usdEach, transfers)
      return {
        t: at,
        kind: 'split-attack',
        domain,
        detail: `${transfers} transfers of $${usdEach.toLocaleString('en-US')} (each under the single-transfer threshold); ${reverted} refused by a paused lane`,
      }
    },
    async validatorDrop({ domain, leaving }) {
      const d = byName.get(domain)!
      const at = t()
      const leavers = d.validators.slice(-leaving)
      const bonded = await Promise.all(
        leavers.map(async (v) => {
          const [stake] = await d.publicClient.readContract({
            address: d.stakingRegistry,
            abi: stakingRegistryAbi,
            functionName: 'seatOf',
            args: [d.domainId, v.address],
          })
          return stake
        }),
      )
      await sendSignedBatch({
        rpcUrl: d.rpcUrl,
        chainId: d.chainId,
        what: `unbond requests on ${domain}`,
        calls: leavers.map((v, i) => ({
          account: v,
          nonce: 1,
          to: d.stakingRegistry,
          data: encodeFunctionData({
            abi: stakingRegistryAbi,
            functionName: 'requestUnbond',
            args: [d.domainId, bonded[i]!],
          }),
          gas: 200_000n,
        })),
      })
      try {
        await assertProfileMet(d.adminWallet, { registry: d.domainRegistry, domainId: d.domainId })
        timeline.push({
          t: t(),
          domain,
          event: 'profile-met',
          detail: `${leaving} validator(s) left; profile still met`,
        })
      } catch (error) {
        if (!(error instanceof ProfileNotMetError)) throw error
        timeline.push({ t: t(), domain, event: 'profile-not-met', detail: error.shortMessage })
        await watcher.isolate(domain, 'validator set below its security profile')
      }
      return {
        t: at,
        kind: 'validator-drop',
        domain,
        detail: `${leaving} validator(s) unbonded their whole stake`,
      }
    },
    async restartRelayer({ downSeconds }) {
      const at = t()
      const start = nowMs()
      await relayer.stop()
      timeline.push({
        t: t(),
        domain: '*',
        event: 'relayer-stopped',
        detail: `${relayer.pending().length} message(s) queued`,
      })
      await sleep(downSeconds * 1000)
      relayer = makeRelayer()
      await relayer.start()
      timeline.push({ t: t(), domain: '*', event: 'relayer-restarted', detail: 'same durable queue' })
      return {
        t: at,
        kind: 'relayer-restart',
        domain: '*',
        detail: `relayer stopped for ${downSeconds} s and restarted from its journal`,
        durationMs: Math.round(nowMs() - start),
      }
    },
    async settle(timeoutMs) {
      const deadline = nowMs() + timeoutMs
      while (nowMs() < deadline) {
        await relayer.tick().catch(() => {})
        const pending = relayer.pending()
        const isolated = new Set(timeline.filter((e) => e.event === 'isolated').map((e) => e.domain))
        const open = pending.filter(
          (m) => ![...isolated].some((x) => m.key.startsWith(`${x}>`) || m.key.includes(`>${x}#`)),
        )
        if (open.length === 0) return
        await sleep(200)
      }
    },
    async finish() {
      await relayer.tick().catch(() => {})
      const pendingKeys = new Set(relayer.pending().map((m) => m.key))
      await relayer.stop()
      await watcher.stop()
      aml.close()
      const sent = new Map<string, bigint>()
      const delivered = new Map<string, number>()
      let locked = 0n
      let released = 0n
      let held = 0n
      let refunded = 0n
      const heldByDomain: Record<string, bigint> = {}
      const domainStatus: Record<string, string> = {}
      for (const d of domains) {
        const fromBlock = startBlocks.get(d.name)!
        const read = (functionName: 'totalLocked' | 'totalReleased' | 'totalHeld' | 'totalRefunded') =>
          d.publicClient.readContract({
            address: d.channel,
            abi: channelAbi,
            functionName,
          }) as Promise<bigint>
        const [l, r, h, f, isolated] = await Promise.all([
          read('totalLocked'),
          read('totalReleased'),
          read('totalHeld'),
          read('totalRefunded'),
          d.publicClient.readContract({
            address: d.channel,
            abi: channelAbi,
            functionName: 'isolated',
          }) as Promise<boolean>,
        ])
        locked += l
        released += r
        held += h
        refunded += f
        heldByDomain[d.name] = h / ERA_PER_MICRO_USD
        domainStatus[d.name] = isolated ? 'isolated' : 'open'
        const sentLogs = await d.publicClient.getContractEvents({
          address: d.channel,
          abi: channelAbi,
          eventName: 'MessageSent',
          fromBlock,
        })
        for (const log of sentLogs) {
          const dest = nameOf.get(String(log.args.destinationDomain).toLowerCase()) ?? '?'
          sent.set(key(d.name, dest, log.args.nonce!), log.args.amount!)
        }
        const deliveredLogs = await d.publicClient.getContractEvents({
          address: d.channel,
          abi: channelAbi,
          eventName: 'MessageDelivered',
          fromBlock,
        })
        for (const log of deliveredLogs) {
          const source = nameOf.get(String(log.args.sourceDomain).toLowerCase()) ?? '?'
          const k = key(source, d.name, log.args.nonce!)
          delivered.set(k, (delivered.get(k) ?? 0) + 1)
        }
      }
      let inFlight = 0n
      let lost = 0
      for (const [k, amount] of sent) {
        if (delivered.has(k)) continue
        inFlight += amount
        if (!pendingKeys.has(k)) lost++
      }
      const duplicated = [...delivered.values()].reduce((s, n) => s + Math.max(0, n - 1), 0)
      const lockedNet = locked - refunded
      const valueLost = lockedNet - released - held - inFlight
      const gasBySource = new Map<string, { gas: bigint; messages: number }>()
      await Promise.all(
        batches.map(async (b) => {
          const receipt = await byName
            .get(b.destination)!
            .publicClient.getTransactionReceipt({ hash: b.hash })
            .catch(() => undefined)
          if (receipt?.status !== 'success') return
          const tier = byName.get(b.source)!.tier
          const g = gasBySource.get(tier) ?? { gas: 0n, messages: 0 }
          g.gas += receipt.gasUsed
          g.messages += b.messages
          gasBySource.set(tier, g)
        }),
      )
      const amlByRule: Record<string, number> = {}
      for (const a of aml.alerts()) amlByRule[a.ruleId] = (amlByRule[a.ruleId] ?? 0) + 1
      return {
        messagesSent: sent.size,
        messagesDelivered: delivered.size,
        messagesPending: [...sent.keys()].filter((k) => !delivered.has(k) && pendingKeys.has(k)).length,
        messagesLost: lost,
        messagesDuplicated: duplicated,
        valueLocked: locked / ERA_PER_MICRO_USD,
        valueReleased: released / ERA_PER_MICRO_USD,
        valueHeld: held / ERA_PER_MICRO_USD,
        valueRefunded: refunded / ERA_PER_MICRO_USD,
        valueInFlight: inFlight / ERA_PER_MICRO_USD,
        valueLost: (valueLost < 0n ? -valueLost : valueLost) / ERA_PER_MICRO_USD,
        heldByDomain,
        verificationGasPerMessage: Object.fromEntries(
          [...gasBySource].map(([tier, g]) => [tier, Math.round(Number(g.gas) / Math.max(1, g.messages))]),
        ),
        amlAlerts: aml.alerts().length,
        amlByRule,
        domainStatus,
      }
    },
  }
}
