/**
 * A relayer or watcher in its own process, for the crash-consistency campaign:
 * `node --conditions=@caldera/source --import tsx worker.ts <config.json>`.
 *
 * It prints one JSON line per event (`started`, `prove`, `sent`, `delivered`, `trip`,
 * `isolated`, `error`) and, when the config names a kill point (`killAt: { event, occurrence }`),
 * kills itself with SIGKILL right after printing that event, so the crash lands exactly there:
 * `prove` is after the relayer reserved the batch nonce in its journal and before the
 * transaction; `sent` is after the transaction was submitted and before the journal records the
 * delivery; `trip` is after the watcher detected a trip and before any isolation was sent.
 *
 * The watcher runs with a `stateDir`: it records every trip (fsynced) before sending its
 * isolation and each chain's last seen block, and on start re-sends the isolations of recorded
 * trips, treats a channel isolated on chain as a trip, and reads the events it missed: a trip
 * detected before a crash is enforced after the restart.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createRelayer, createWatcher, devValidators, resolvePolicy } from '@caldera/circuit-breaker'
import { channelAbi } from '@caldera/contracts'
import { createAttestationProof } from '@caldera/risk-domain'
import { createPublicClient, createWalletClient, defineChain, http } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { readContract } from 'viem/actions'

export type WorkerConfig = {
  role: 'relayer' | 'watcher'
  /** Folder of the relayer's journal, or of the watcher's trip journal. */
  dir: string
  batchSize: number
  mnemonic: string
  /** HD index of the account that signs (relayer: deliveries; watcher: isolations, BREAKER_ROLE). */
  accountIndex: number
  killAt?: { event: string; occurrence: number }
  /** The watcher's policy overrides (dollars), as `resolvePolicy` takes them. */
  policy?: unknown
  domains: {
    name: string
    tier: 'financial' | 'enterprise' | 'light'
    channel: `0x${string}`
    rpcUrl: string
    wsUrl: string
    chainId: number
  }[]
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WorkerConfig
const account = mnemonicToAccount(config.mnemonic, { addressIndex: config.accountIndex })
const seen = new Map<string, number>()

/** Prints an event (synchronously, so it reaches the parent before a kill) and crashes here if told to. */
function emit(event: string, fields: Record<string, unknown> = {}) {
  writeSync(1, `${JSON.stringify({ event, ...fields }, (_, v) => (typeof v === 'bigint' ? String(v) : v))}\n`)
  const count = (seen.get(event) ?? 0) + 1
  seen.set(event, count)
  if (config.killAt && config.killAt.event === event && config.killAt.occurrence === count)
    process.kill(process.pid, 'SIGKILL')
}

const chains = config.domains.map((d) => {
  const chain = defineChain({
    id: d.chainId,
    name: d.name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [d.rpcUrl] } },
  })
  const transport = http(d.rpcUrl, { retryCount: 0 })
  return {
    ...d,
    client: createPublicClient({ chain, transport, pollingInterval: 20 }),
    walletClient: createWalletClient({ chain, transport, account, pollingInterval: 20 }),
  }
})
const firstLine = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e))

if (config.role === 'relayer') {
  const relayer = createRelayer({
    queueDir: config.dir,
    batchSize: config.batchSize,
    pollIntervalMs: 30,
    domains: chains.map((c) => {
      const signers = devValidators(c.name, 4)
      return {
        name: c.name,
        tier: c.tier,
        channel: c.channel,
        client: c.client,
        walletClient: c.walletClient,
        signers,
        // The default attestation proof, with a crash point between the journal write and the transaction.
        prove: async (batch) => {
          emit('prove', { source: c.name, batchNonce: batch.batchNonce, size: batch.messages.length })
          const { proof } = await createAttestationProof({
            domainId: batch.sourceDomain,
            batchNonce: batch.batchNonce,
            messages: batch.messages,
            signers,
          })
          return proof
        },
      }
    }),
    onBatchSent: (b) => emit('sent', { keys: b.keys, hash: b.hash }),
    onDelivered: (b) => emit('delivered', { keys: b.keys }),
    onError: (e) => emit('error', { message: firstLine(e) }),
  })
  await relayer.start()
  emit('started', { pending: relayer.pending().length })
  process.on('SIGTERM', () => void relayer.stop().then(() => process.exit(0)))
} else {
  const watcher = createWatcher({
    domains: chains.map((c) => ({
      name: c.name,
      tier: c.tier,
      channel: c.channel,
      wsUrl: c.wsUrl,
      walletClient: c.walletClient,
    })),
    ...(config.policy ? { policy: resolvePolicy(config.policy) } : {}),
    heartbeatMs: 60_000,
    stateDir: config.dir,
    onTrip: (trip) => emit('trip', { domain: trip.domain, detector: trip.detector }),
    onIsolated: (i) =>
      emit('isolated', { domain: i.domain, ok: i.results.every((r) => r.ok), ms: Math.round(i.ms) }),
    onError: (e) => emit('error', { chain: e.chain, message: firstLine(e.error) }),
  })
  await watcher.start()
  // Trips a previous run recorded are restored at start: their breakers are open again.
  const owed = watcher.circuitBreaker
    .breakers()
    .filter((b) => b.state === 'open')
    .map((b) => b.domain)
  emit('started', { owed })
  process.on('SIGTERM', () => void watcher.stop().then(() => process.exit(0)))
}
