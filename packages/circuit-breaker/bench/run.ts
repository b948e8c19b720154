/**
 * Benchmarks of @caldera/circuit-breaker (run with `pnpm bench`):
 * - detector throughput on one core over a seeded 30-day benign stream at 10× normal volume,
 * - false trips of the default policy on that stream,
 * - trip latency on three anvil chains: from sending the anomalous transfer (its block is mined
 *   by that call) until the watcher has seen every `isolate` transaction mined on every chain,
 * - value that escaped the isolated domain after the trip (an attacker fires a second transfer on
 *   another lane right after the anomaly; a relayer runs throughout).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { summarize, writeResults } from '@caldera/bench-utils'
import { channelAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { type Address, parseEventLogs } from 'viem'
import { createCircuitBreaker } from '../src/breaker/circuitBreaker.js'
import { createDetectorPipeline } from '../src/detectors/pipeline.js'
import { ChainSender } from '../src/internal/chainSender.js'
import { writeAndWait } from '../src/internal/client.js'
import { createRelayer } from '../src/relayer/createRelayer.js'
import { generateBenignTraffic } from '../src/simulation/benignTraffic.js'
import { createWatcher, type Isolation } from '../src/watcher/createWatcher.js'
import { startNetwork, TIERS } from '../test/network.js'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const TRIPS = Number(process.env.BENCH_TRIPS ?? 54)

// ---------------------------------------------------------------- detectors
console.log('Generating 30 days of benign traffic at 10× normal volume (seed 2026)…')
const events = generateBenignTraffic({ seed: 2026, days: 30, volume: 10 })
// Throughput per core: events divided by the CPU time this (single-threaded) loop used, so other
// processes on a shared machine do not distort it; wall-clock throughput is reported as well.
const cpuRates: number[] = []
const wallRates: number[] = []
for (let run = 0; run < 5; run++) {
  const pipeline = createDetectorPipeline()
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let i = 0; i < events.length; i++) pipeline.observe(events[i]!)
  const wall = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  cpuRates.push(events.length / ((used.user + used.system) / 1e6))
  wallRates.push(events.length / wall)
}
const detectorRate = summarize(cpuRates).p50
const detectorWallRate = summarize(wallRates).p50
const cb = createCircuitBreaker()
let falseTrips = 0
for (const e of events) if (cb.observe(e).action === 'tripped') falseTrips++
console.log(
  `${events.length} events; detector throughput p50 ${Math.round(detectorRate)} events per CPU-second (${Math.round(detectorWallRate)} per wall-clock second) over 5 runs; false trips ${falseTrips}`,
)

// ---------------------------------------------------------------- trip latency on anvil
console.log(`Starting three anvil chains and measuring ${TRIPS} trips…`)
const net = await startNetwork()
const dir = mkdtempSync(join(tmpdir(), 'caldera-bench-'))
const isolations: Isolation[] = []
let waiting: ((i: Isolation) => void) | undefined
let tripAt = 0
const watcher = createWatcher({
  domains: net.domains.map((d) => ({
    name: d.name,
    tier: d.tier,
    channel: d.channel,
    wsUrl: net.devnet.chain(d.name).wsUrl,
    // The watcher signs with its own account (BREAKER_ROLE), apart from governance.
    walletClient: {
      ...net.devnet.chain(d.name).walletClient,
      account: net.devnet.chain(d.name).accounts[3]!,
    } as ReturnType<typeof net.devnet.chain>['walletClient'],
  })),
  onTrip: () => {
    tripAt = performance.now()
  },
  onIsolated: (i) => {
    isolations.push(i)
    waiting?.(i)
  },
})
const relayer = createRelayer({
  queueDir: join(dir, 'queue'),
  pollIntervalMs: 20,
  domains: net.domains.map((d) => ({
    name: d.name,
    tier: d.tier,
    channel: d.channel,
    client: net.devnet.chain(d.name).publicClient,
    walletClient: net.devnet.chain(d.name).walletClient,
    signers: d.validators,
  })),
})
const senders = new Map<string, { attacker: ChainSender; escaper: ChainSender }>()
for (const tier of TIERS) {
  const chain = net.devnet.chain(tier)
  await net.fundUser(tier, parseEra('1000000000'))
  // accounts[2] is the escaping accomplice: fund and approve it too.
  const d = net.domain(tier)
  const escaper = { ...chain.walletClient, account: chain.accounts[2]! } as typeof chain.walletClient
  await writeAndWait(chain.walletClient, {
    address: d.token,
    abi: (await import('@caldera/contracts')).eraTokenAbi,
    functionName: 'mint',
    args: [chain.accounts[2]!.address, parseEra('1000000000')],
  })
  await writeAndWait(escaper, {
    address: d.token,
    abi: (await import('@caldera/contracts')).eraTokenAbi,
    functionName: 'approve',
    args: [d.channel, 2n ** 255n],
  })
  senders.set(tier, {
    attacker: new ChainSender({
      ...chain.walletClient,
      account: chain.accounts[1]!,
    } as typeof chain.walletClient),
    escaper: new ChainSender(escaper),
  })
}
for (const tier of TIERS) {
  const chain = net.devnet.chain(tier)
  const channel = net.domain(tier).channel
  const role = await chain.publicClient.readContract({
    address: channel,
    abi: channelAbi,
    functionName: 'BREAKER_ROLE',
  })
  await writeAndWait(chain.walletClient, {
    address: channel,
    abi: channelAbi,
    functionName: 'grantRole',
    args: [role, chain.accounts[3]!.address],
  })
}
await watcher.start()
await relayer.start()

const latencies: number[] = []
let escapedUsd = 0n
let escapesSent = 0
for (let i = 0; i < TRIPS; i++) {
  const anomalous = TIERS[i % 3]!
  const [peerA, peerB] = TIERS.filter((t) => t !== anomalous) as [string, string]
  const chain = net.devnet.chain(anomalous)
  const d = net.domain(anomalous)
  const s = senders.get(anomalous)!
  const done = new Promise<Isolation>((resolve) => {
    waiting = resolve
  })
  const recipient = '0x000000000000000000000000000000000000dEaD' as Address
  const started = performance.now()
  const anomaly = s.attacker.call({
    address: d.channel,
    abi: channelAbi,
    functionName: 'send',
    args: [domainIdOf(peerA), recipient, parseEra('1500000')],
  })
  // The accomplice tries to get value out on the other lane right after the anomaly is mined.
  const escapeAttempt = anomaly.then(
    () => sendEscape(),
    () => sendEscape(),
  )
  function sendEscape() {
    return s.escaper
      .call({
        address: d.channel,
        abi: channelAbi,
        functionName: 'send',
        args: [domainIdOf(peerB), recipient, parseEra('900000')],
      })
      .then(
        async (hash) => {
          const receipt = await chain.publicClient.getTransactionReceipt({ hash })
          const sent = parseEventLogs({ abi: channelAbi, logs: receipt.logs, eventName: 'MessageSent' })
          return sent[0]?.args.nonce
        },
        () => undefined,
      )
  }
  const isolation = await done
  const finished = performance.now()
  await anomaly
  const escapeNonce = await escapeAttempt
  latencies.push(finished - started)
  if (process.env.BENCH_DEBUG)
    console.log(
      i,
      anomalous,
      (finished - started).toFixed(1),
      'trip at',
      (tripAt - started).toFixed(1),
      isolation.results.map((r) => `${r.chain}:${r.ms.toFixed(1)}/${r.attempts}`).join(' '),
    )
  if (!isolation.results.every((r) => r.ok)) throw new Error(`isolation ${i} failed on a chain`)
  // Give the relayer time to try to deliver the accomplice's message, then see whether it landed.
  await new Promise((r) => setTimeout(r, 200))
  if (escapeNonce !== undefined) {
    escapesSent++
    const delivered = await net.devnet.chain(peerB).publicClient.readContract({
      address: net.domain(peerB).channel,
      abi: channelAbi,
      functionName: 'executed',
      args: [domainIdOf(anomalous), escapeNonce],
    })
    if (delivered) escapedUsd += 900_000n * 1_000_000n
  }
  // Governance review: refund the held transfer and reopen every lane of the domain.
  const heldCount = await chain.publicClient.readContract({
    address: d.channel,
    abi: channelAbi,
    functionName: 'heldCount',
  })
  for (let id = 1n; id <= heldCount; id++) {
    const held = await chain.publicClient.readContract({
      address: d.channel,
      abi: channelAbi,
      functionName: 'heldTransfer',
      args: [id],
    })
    if (held.status === 1)
      await writeAndWait(chain.walletClient, {
        address: d.channel,
        abi: channelAbi,
        functionName: 'refund',
        args: [id],
      })
  }
  await writeAndWait(chain.walletClient, {
    address: d.channel,
    abi: channelAbi,
    functionName: 'liftIsolation',
    args: [],
  })
  for (const peer of [peerA, peerB])
    await writeAndWait(chain.walletClient, {
      address: d.channel,
      abi: channelAbi,
      functionName: 'unpauseLane',
      args: [domainIdOf(peer)],
    })
  for (const peer of [peerA, peerB])
    await writeAndWait(net.devnet.chain(peer).walletClient, {
      address: net.domain(peer).channel,
      abi: channelAbi,
      functionName: 'unpauseLane',
      args: [domainIdOf(anomalous)],
    })
  watcher.reset(anomalous, { by: 'bench', reason: 'reviewed and refunded' })
  // Let the reopened lanes drain, so the next round starts from a quiet network.
  await new Promise((r) => setTimeout(r, 100))
}
await relayer.stop()
await watcher.stop()
await net.devnet.stop()
rmSync(dir, { recursive: true, force: true })

const trip = summarize(latencies)
console.log(
  `trip latency over ${trip.n} trips: p50 ${trip.p50.toFixed(1)} ms, p95 ${trip.p95.toFixed(1)} ms, p99 ${trip.p99.toFixed(1)} ms, max ${trip.max.toFixed(1)} ms`,
)
writeResults(packageDir, '@caldera/circuit-breaker', {
  trip_latency_p50_ms: { value: Number(trip.p50.toFixed(2)), unit: 'ms', better: 'lower' },
  trip_latency_p95_ms: { value: Number(trip.p95.toFixed(2)), unit: 'ms', better: 'lower' },
  trip_latency_p99_ms: { value: Number(trip.p99.toFixed(2)), unit: 'ms', target: 250, better: 'lower' },
  trip_count: { value: trip.n, unit: 'trips', target: 50, better: 'higher' },
  detector_events_per_s: {
    value: Math.round(detectorRate),
    unit: '1/s',
    target: 1_000_000,
    better: 'higher',
  },
  detector_events_per_s_wall: { value: Math.round(detectorWallRate), unit: '1/s', better: 'higher' },
  value_escaped_after_trip_usd: {
    value: Number(escapedUsd / 1_000_000n),
    unit: 'USD',
    target: 0,
    better: 'lower',
  },
  escape_attempts_accepted_on_source: { value: escapesSent, unit: 'transfers', better: 'lower' },
  false_trips_benign: { value: falseTrips, unit: 'trips', target: 0, better: 'lower' },
  benign_events: { value: events.length, unit: 'events', better: 'higher' },
})
process.exit(0)
