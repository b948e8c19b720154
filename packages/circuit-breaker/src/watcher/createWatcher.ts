import { channelAbi } from '@caldera/contracts'
import { addressSchema, domainIdOf, parse, type Tier, tierSchema } from '@caldera/core'
import {
  type Address,
  type Client,
  createPublicClient,
  type Hash,
  type Hex,
  type Log,
  parseEventLogs,
  webSocket,
} from 'viem'
import { getBlockNumber, getContractEvents, readContract, watchContractEvent } from 'viem/actions'
import { z } from 'zod'
import { type CircuitBreaker, createCircuitBreaker } from '../breaker/circuitBreaker.js'
import type { Trip } from '../detectors/pipeline.js'
import { UnknownDomainError, WatcherConfigurationError } from '../errors/breaker.js'
import { ChainSender } from '../internal/chainSender.js'
import { TransactionRevertedError, type WriteClient } from '../internal/client.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { withTimeout } from '../internal/withTimeout.js'
import { type BreakerPolicy, resolvePolicy } from '../policy/policy.js'
import type { PriceSource, TokenPrice } from '../price/priceSource.js'
import { valueInUsd } from '../price/priceSource.js'
import { describeError, isConfigurationError } from './chainErrors.js'
import { loadWatcherState, saveWatcherState, type WatcherState } from './watcherState.js'

/** One domain the watcher follows. */
export type WatcherDomain = {
  name: string
  tier: Tier
  /** The domain's `Channel`. */
  channel: Address
  /** WebSocket URL for low-latency event subscriptions (preferred). */
  wsUrl?: string
  /** A client to read and subscribe with when no `wsUrl` is given. */
  client?: Client
  /** Signs `isolate` on this chain's channel (needs BREAKER_ROLE there). */
  walletClient: WriteClient
}

/** Outcome of isolating a domain on one chain. */
export type IsolationResult = {
  /** The chain (domain name) whose channel was called. */
  chain: string
  ok: boolean
  hash?: Hash
  attempts: number
  /** Milliseconds from the trip until this chain's call was mined. */
  ms: number
  error?: string
}

/** The watcher's view of one chain: whether it answers, since when it does not, what it still owes it. */
export type ChainHealth = {
  chain: string
  tier: Tier
  /** False while health probes or writes on the chain fail. */
  reachable: boolean
  /** When the chain last answered (milliseconds since the epoch). */
  lastSeen: number
  /** Since when the chain is unreachable (milliseconds since the epoch). */
  since?: number
  /** Why the chain is unreachable (the last error, first line). */
  error?: string
  /** Domains whose isolation could not be sent on this chain yet; retried until it answers. */
  pendingIsolations: string[]
}

/** A chain the watcher lost: reported once per outage. */
export type ChainUnreachable = {
  chain: string
  tier: Tier
  /** The error that made the chain count as unreachable (first line). */
  error: string
  /** Milliseconds since the epoch. */
  since: number
  /** `probe`: reads (health probes) fail; `write`: isolation transactions fail. */
  by: 'probe' | 'write'
}

/** A chain that answers again after an outage. */
export type ChainReachable = {
  chain: string
  tier: Tier
  /** How long the chain was unreachable. */
  downMs: number
}

/** An isolation that had given up on a chain and was sent there once the chain answered again. */
export type IsolationCaughtUp = { domain: string; result: IsolationResult }

/** A completed isolation of a domain on every chain. */
export type Isolation = {
  domain: string
  trip: Trip
  results: IsolationResult[]
  /** Milliseconds from the trip until the last chain was done (or gave up). */
  ms: number
}

export type CreateWatcherParameters = {
  domains: readonly WatcherDomain[]
  policy?: BreakerPolicy
  /** Values each channel's token in USD; tokens are looked up by address. Default: 1 token = 1 USD (18 decimals). */
  prices?: PriceSource
  /** Called as soon as a domain trips (before isolation is sent). */
  onTrip?: (trip: Trip) => void
  /** Called when a domain has been isolated on every chain (or a chain gave up). */
  onIsolated?: (isolation: Isolation) => void
  /** Called for every failed attempt and subscription error. */
  onError?: (error: { chain: string; error: unknown; attempt?: number }) => void
  /**
   * Called once when a chain becomes unreachable: `probeFailures` health probes in a row fail, or
   * an isolation transaction fails without reverting (connection refused or dropped, timeout,
   * HTTP or JSON-RPC error).
   */
  onUnreachable?: (report: ChainUnreachable) => void
  /** Called once when an unreachable chain answers again (a probe or a write succeeds). */
  onReachable?: (report: ChainReachable) => void
  /**
   * Called when an isolation that had given up on a chain (`retry.attempts` exhausted) has been
   * sent there after all: the watcher keeps such isolations pending and retries them every
   * `retry.maxDelayMs` until they are mined.
   */
  onCaughtUp?: (report: IsolationCaughtUp) => void
  /** Consecutive failed health probes before a chain counts as unreachable (default 2). */
  probeFailures?: number
  /** Retries per chain when isolating (default 30, backoff from 100 ms up to 1 s). */
  retry?: { attempts?: number; delayMs?: number; maxDelayMs?: number }
  /**
   * Folder for the watcher's durable state (Node): every trip is written (fsynced) before its
   * isolation is sent, and each chain's last seen block about once a second. A watcher restarted
   * with the same folder, after a crash or a SIGKILL, re-sends the isolations of every trip not
   * reset (isolating twice is harmless) and reads the events it missed since the last block it
   * saw, so a trip stays enforced and an anomaly sent while it was down still trips; a channel
   * found isolated on chain at start counts as a trip. Without it, a restarted watcher starts from
   * the current block with no memory.
   */
  stateDir?: string
  /** Health check period (default 500 ms); fail-closed tiers trip after `failClosedAfterMs` (default 3,000 ms) unseen. */
  heartbeatMs?: number
  failClosedAfterMs?: number
  /**
   * How long `start()` waits for each chain's first answer (default 10,000 ms); a chain that has
   * not answered by then is reported unreachable and followed from its first answer.
   */
  connectTimeoutMs?: number
}

/** A running watcher. */
export type Watcher = {
  readonly circuitBreaker: CircuitBreaker
  start(): Promise<void>
  stop(): Promise<void>
  /** Isolates a domain on every chain now (operator action or test). */
  isolate(domain: string, reason: string): Promise<Isolation | undefined>
  /**
   * Explicit reset after review: the domain's breaker goes half-open and may trip again. Reopen
   * the lanes on chain separately (governance `unpauseLane` / `liftIsolation`). Isolations of the
   * domain still owed to a chain or still being retried there are dropped; a trip after the reset
   * sends a new isolation to every chain.
   */
  reset(domain: string, parameters: { by: string; reason: string }): void
  /** Isolations completed so far. */
  readonly isolations: readonly Isolation[]
  /** Each chain's reachability and the isolations still owed to it. */
  health(): ChainHealth[]
}

const domainSchema = z.object({
  name: z.string().min(1).max(64),
  tier: tierSchema,
  channel: addressSchema,
  wsUrl: z
    .string()
    .regex(/^wss?:\/\//, { message: 'a ws:// or wss:// URL' })
    .optional(),
  client: z.custom<Client>((v) => typeof v === 'object' && v !== null).optional(),
  walletClient: z.custom<WriteClient>((v) => typeof v === 'object' && v !== null && 'account' in v, {
    message: 'a wallet client with an account',
  }),
})
const parametersSchema = z.object({
  domains: z
    .array(domainSchema)
    .min(2)
    .refine((ds) => ds.every((d) => d.wsUrl !== undefined || d.client !== undefined), {
      message: 'every domain with a wsUrl or a client',
    }),
})

const ONE_USD_TOKEN: TokenPrice = { usdPerUnit: 1n, decimals: 0, tokenDecimals: 18 }

/**
 * Creates the watcher: it follows every domain's channel events through viem (WebSocket when
 * `wsUrl` is given), runs the detectors on every outgoing transfer, and on a trip — or when a
 * channel's own guard holds a transfer — isolates the anomalous domain on every chain at once:
 * every peer pauses its lane to and from it, and the domain isolates itself. The chains it can
 * reach are cut at once; an unreachable chain is reported (`onUnreachable`, `health()`), retried,
 * and kept pending after `retry.attempts` until it answers (`onCaughtUp`). Domains whose tier
 * policy is fail-closed (financial by default) are isolated on every other chain when the watcher
 * loses sight of their chain for `failClosedAfterMs`, by reads or by writes. A chain that does
 * not answer at `start()` is reported and followed from its first answer; `start()` rejects
 * only for a configuration error ({@link WatcherConfigurationError}: no Channel at an address).
 *
 * @example
 * import { createWatcher } from '@caldera/circuit-breaker'
 * const watcher = createWatcher({
 *   domains: [
 *     { name: 'financial', tier: 'financial', channel: a, wsUrl: fin.wsUrl, walletClient: fin.walletClient },
 *     { name: 'light', tier: 'light', channel: b, wsUrl: light.wsUrl, walletClient: light.walletClient },
 *   ],
 *   onIsolated: ({ domain, ms }) => console.log(`${domain} isolated in ${ms} ms`),
 * })
 * await watcher.start()
 */
export function createWatcher(parameters: CreateWatcherParameters): Watcher {
  check(inputSchemas.watcherOptions, parameters, 'watcher parameters')
  parse(parametersSchema, { domains: parameters.domains }, 'watcher parameters')
  const policy = parameters.policy ?? resolvePolicy()
  const domainPolicy: BreakerPolicy = {
    ...policy,
    domains: {
      ...policy.domains,
      ...Object.fromEntries(parameters.domains.map((d) => [d.name, d.tier])),
    },
  }
  const circuitBreaker = createCircuitBreaker({ policy: domainPolicy })
  const byId = new Map<Hex, string>(parameters.domains.map((d) => [domainIdOf(d.name), d.name]))
  const retry = {
    attempts: parameters.retry?.attempts ?? 30,
    delayMs: parameters.retry?.delayMs ?? 100,
    maxDelayMs: parameters.retry?.maxDelayMs ?? 1_000,
  }
  const heartbeatMs = parameters.heartbeatMs ?? 500
  const failClosedAfterMs = parameters.failClosedAfterMs ?? 3_000
  const probeFailures = parameters.probeFailures ?? 2
  const isolations: Isolation[] = []
  /** The isolation being sent for each domain (a new trip of that domain joins it). */
  const inProgress = new Map<string, Promise<Isolation>>()
  /** Every isolation still being sent, also those a reset set aside: `stop()` waits for them. */
  const unfinished = new Set<Promise<Isolation>>()
  /** Bumped by `reset(domain)`: retries of isolations from before the reset stop. */
  const resets = new Map<string, number>()
  const { stateDir } = parameters
  const state: WatcherState = stateDir ? loadWatcherState(stateDir) : { trips: {}, blocks: {} }
  let stateSavedAt = 0
  const saveState = () => {
    if (!stateDir) return
    saveWatcherState(stateDir, state)
    stateSavedAt = Date.now()
  }

  type Runtime = {
    domain: WatcherDomain
    client: Client
    ownsClient: boolean
    sender: ChainSender
    /** Set once the chain has answered (its channel's token read): until then no events are followed. */
    price: TokenPrice | undefined
    token?: Address
    connecting: boolean
    lastSeen: number
    failures: number
    probing: boolean
    unwatch?: () => void
    down: { since: number; error: string; by: 'probe' | 'write' } | undefined
    /** Isolations that gave up on this chain, by target domain. */
    pending: Map<string, Isolation>
    /** Isolations being sent to this chain now (first attempts and retries, or a catch-up). */
    sending: number
    catchingUp: boolean
    lastCatchUp: number
    /** Handled logs (`blockHash:logIndex`), so a backfill does not count an event twice. */
    seenLogs: Set<string>
    /** The chain's head at the last successful probe before an outage. */
    lastBlock: bigint | undefined
    /** Where the pending backfill starts (set at the first recovery, kept until it succeeds). */
    backfillFrom: bigint | undefined
    backfilling: boolean
  }
  let runtimes: Runtime[] = []
  let running = false
  let heartbeat: ReturnType<typeof setInterval> | undefined

  const isolateCall = (rt: Runtime, target: string) => ({
    address: rt.domain.channel,
    abi: channelAbi,
    functionName: 'isolate',
    args: [domainIdOf(target)],
  })

  function markDown(rt: Runtime, error: unknown, by: 'probe' | 'write') {
    const message = describeError(error)
    if (rt.down) {
      rt.down.error = message
      return
    }
    rt.down = { since: Date.now(), error: message, by }
    parameters.onUnreachable?.({
      chain: rt.domain.name,
      tier: rt.domain.tier,
      error: message,
      since: rt.down.since,
      by,
    })
  }

  function markUp(rt: Runtime, by: 'probe' | 'write') {
    rt.lastSeen = Date.now()
    // A chain that refuses writes stays unreachable while reads answer, until a write is mined —
    // as long as it owes one. Owing nothing (e.g. a reset dropped what it owed), answers suffice.
    const owes = rt.pending.size > 0 || rt.sending > 0
    if (!rt.down || (by === 'probe' && rt.down.by === 'write' && owes)) return
    const downMs = Date.now() - rt.down.since
    rt.down = undefined
    parameters.onReachable?.({ chain: rt.domain.name, tier: rt.domain.tier, downMs })
  }

  async function isolateOn(
    rt: Runtime,
    target: string,
    started: number,
    attempts = retry.attempts,
  ): Promise<IsolationResult> {
    const generation = resets.get(target)
    let delay = retry.delayMs
    for (let attempt = 1; ; attempt++) {
      try {
        const hash = await rt.sender.call(isolateCall(rt, target), `isolate:${target}`)
        markUp(rt, 'write')
        return { chain: rt.domain.name, ok: true, hash, attempts: attempt, ms: performance.now() - started }
      } catch (error) {
        parameters.onError?.({ chain: rt.domain.name, error, attempt })
        // A revert is an answer (the chain is reachable); anything else is a failure to reach it.
        if (error instanceof TransactionRevertedError) markUp(rt, 'write')
        else markDown(rt, error, 'write')
        if (attempt >= attempts || !running || resets.get(target) !== generation)
          return {
            chain: rt.domain.name,
            ok: false,
            attempts: attempt,
            ms: performance.now() - started,
            error: describeError(error),
          }
        await new Promise((r) => setTimeout(r, delay))
        delay = Math.min(retry.maxDelayMs, delay * 2)
      }
    }
  }

  function isolateEverywhere(trip: Trip, started: number): Promise<Isolation> {
    const existing = inProgress.get(trip.domain)
    if (existing) return existing
    if (stateDir && !state.trips[trip.domain]) {
      // Durable before anything is sent: a watcher killed from here on re-isolates on restart.
      state.trips[trip.domain] = {
        domain: trip.domain,
        detector: trip.detector,
        reason: trip.reason,
        at: Date.now(),
      }
      saveState()
    }
    parameters.onTrip?.(trip)
    const generation = resets.get(trip.domain)
    for (const rt of runtimes) rt.sending++
    const run: Promise<Isolation> = Promise.all(
      runtimes.map((rt) => isolateOn(rt, trip.domain, started)),
    ).then((results) => {
      for (const rt of runtimes) rt.sending--
      const isolation = { domain: trip.domain, trip, results, ms: performance.now() - started }
      // What a chain still owes is kept, unless governance reset the domain meanwhile.
      if (resets.get(trip.domain) === generation)
        for (const rt of runtimes)
          if (results.some((r) => r.chain === rt.domain.name && !r.ok)) rt.pending.set(trip.domain, isolation)
      isolations.push(isolation)
      if (inProgress.get(trip.domain) === run) inProgress.delete(trip.domain)
      unfinished.delete(run)
      parameters.onIsolated?.(isolation)
      return isolation
    })
    inProgress.set(trip.domain, run)
    unfinished.add(run)
    return run
  }

  function tripDomain(domain: string, detector: Trip['detector'], reason: string, started: number) {
    const breaker = circuitBreaker.breaker(domain)
    const now = Date.now() / 1000
    const trip: Trip = {
      domain,
      detector,
      index: -1,
      reason,
      event: { domain, from: '0x0000000000000000000000000000000000000000', usd: 0n, timestamp: now },
    }
    if (breaker.state === 'open') return // already isolated (or being isolated); only a reset reopens it
    breaker.trip({ at: now, reason, by: `detector:${detector}` })
    void isolateEverywhere(trip, started)
  }

  function onLogs(rt: Runtime, logs: Log[]) {
    const started = performance.now()
    rt.lastSeen = Date.now()
    // A log may arrive twice (the subscription and a backfill after an outage): handle it once.
    const fresh = logs.filter((log) => {
      const key = `${log.blockHash}:${log.logIndex}`
      if (rt.seenLogs.has(key)) return false
      rt.seenLogs.add(key)
      if (rt.seenLogs.size > 10_000) rt.seenLogs.delete(rt.seenLogs.values().next().value!)
      return true
    })
    if (stateDir && fresh.length > 0) {
      const newest = fresh.reduce(
        (max, log) => (log.blockNumber !== null && log.blockNumber > max ? log.blockNumber : max),
        0n,
      )
      if (newest > BigInt(state.blocks[rt.domain.name] ?? '0')) state.blocks[rt.domain.name] = String(newest)
    }
    const parsed = parseEventLogs({ abi: channelAbi, logs: fresh })
    for (const log of parsed) {
      if (log.eventName === 'TransferHeld') {
        tripDomain(
          rt.domain.name,
          'onChainGuard',
          `channel of ${rt.domain.name} held transfer #${log.args.heldId} of ${log.args.amount} base units (guard reason ${log.args.reason})`,
          started,
        )
      } else if (log.eventName === 'MessageSent') {
        const usd = valueInUsd(log.args.amount, rt.price!) // subscribed only once priced
        const result = circuitBreaker.observe({
          domain: rt.domain.name,
          toDomain: byId.get(log.args.destinationDomain) ?? log.args.destinationDomain,
          from: log.args.sender,
          usd,
          timestamp: Date.now() / 1000,
        })
        if (result.action === 'tripped') {
          const { trip } = result
          if (!inProgress.has(trip.domain)) void isolateEverywhere(trip, started)
        }
      }
    }
  }

  /**
   * After an outage: events emitted while the chain was out of reach (a WebSocket subscription
   * does not replay them) are read from the last block seen before the outage (with a margin of
   * a few blocks), and the subscription is renewed. Logs already handled are skipped.
   */
  async function backfill(rt: Runtime) {
    rt.backfillFrom ??= rt.lastBlock === undefined ? 0n : rt.lastBlock > 5n ? rt.lastBlock - 5n : 0n
    if (rt.backfilling) return
    rt.backfilling = true
    try {
      subscribe(rt)
      // Up to the head as of now, read after subscribing: an event is either at or below it (read
      // here) or above it (delivered by the subscription); one seen both ways is handled once.
      const to = await getBlockNumber(rt.client, { cacheTime: 0 })
      const logs = await getContractEvents(rt.client, {
        address: rt.domain.channel,
        abi: channelAbi,
        fromBlock: rt.backfillFrom,
        toBlock: to,
      })
      onLogs(rt, logs as Log[])
      rt.backfillFrom = undefined
      rt.lastBlock = to
    } catch (error) {
      parameters.onError?.({ chain: rt.domain.name, error }) // retried at the next recovery
    } finally {
      rt.backfilling = false
    }
  }

  /**
   * A WebSocket whose reconnection failed stays closed (viem keeps the closed socket client
   * cached for its URL): close that client, so the next request opens a new connection.
   */
  async function reviveSocket(rt: Runtime) {
    if (!rt.ownsClient) return
    const transport = rt.client.transport as {
      getRpcClient?: () => Promise<{ socket?: { readyState?: number }; close(): void }>
    }
    const rpc = await Promise.race([
      transport.getRpcClient?.().catch(() => undefined),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 1_000)),
    ])
    if (rpc?.socket?.readyState === 3) rpc.close() // CLOSED
  }

  function subscribe(rt: Runtime) {
    if (!running || rt.price === undefined) return
    rt.unwatch?.()
    rt.unwatch = watchContractEvent(rt.client, {
      address: rt.domain.channel,
      abi: channelAbi,
      onLogs: (logs) => onLogs(rt, logs as Log[]),
      onError: (error) => parameters.onError?.({ chain: rt.domain.name, error }),
      pollingInterval: 20,
    })
  }

  /**
   * Reads what the watcher needs of a chain before following it: its channel's token and that
   * token's price. Bounded, so a chain that does not answer fails fast; a channel that answers
   * wrongly (no contract, not a Channel) is a configuration error, not an outage.
   */
  async function connect(rt: Runtime): Promise<void> {
    const bound = parameters.connectTimeoutMs ?? 10_000
    const token = (await withTimeout(
      readContract(rt.client, { address: rt.domain.channel, abi: channelAbi, functionName: 'token' }),
      bound,
      `the ${rt.domain.name} chain did not answer within ${bound} ms`,
    ).catch((error: unknown) => {
      if (isConfigurationError(error))
        throw new WatcherConfigurationError({
          domain: rt.domain.name,
          channel: rt.domain.channel,
          cause: error,
        })
      throw error
    })) as Address
    rt.price = parameters.prices ? await parameters.prices.getPrice(token) : ONE_USD_TOKEN
    rt.token = token
  }

  /**
   * A chain that did not answer when the watcher started is followed from its first answer: from
   * the last block a previous run saw (`stateDir`), else from its current head, as at a start.
   */
  async function connectLate(rt: Runtime, head: bigint) {
    if (rt.connecting) return
    rt.connecting = true
    try {
      await connect(rt)
      // As at a restart: a channel found isolated on chain is a trip (its guard held a transfer).
      if (stateDir && !state.trips[rt.domain.name] && (await isolatedOnChain(rt)))
        tripDomain(
          rt.domain.name,
          'onChainGuard',
          `the ${rt.domain.name} channel is isolated on chain`,
          performance.now(),
        )
      // Without a block from a previous run: from the head at its first answer.
      rt.lastBlock ??= head
      await backfill(rt)
    } catch (error) {
      parameters.onError?.({ chain: rt.domain.name, error }) // tried again at the next probe
    } finally {
      rt.connecting = false
    }
  }

  /** Whether the chain's channel isolated itself (its guard held a transfer). */
  function isolatedOnChain(rt: Runtime): Promise<boolean> {
    return readContract(rt.client, { address: rt.domain.channel, abi: channelAbi, functionName: 'isolated' })
  }

  /** Ends the subscriptions and closes the WebSocket clients the watcher opened. */
  async function release(rts: Runtime[]) {
    for (const rt of rts) {
      rt.unwatch?.()
      if (rt.ownsClient) {
        const transport = rt.client.transport as { getRpcClient?: () => Promise<{ close(): void }> }
        await withTimeout(transport.getRpcClient?.() ?? Promise.resolve(undefined), 1_000)
          .then((c) => c?.close())
          .catch(() => undefined)
      }
    }
  }

  /** Sends the isolations a chain still owes, one attempt each, at most every `retry.maxDelayMs`. */
  async function catchUp(rt: Runtime) {
    if (rt.catchingUp || rt.pending.size === 0 || Date.now() - rt.lastCatchUp < retry.maxDelayMs) return
    rt.catchingUp = true
    rt.lastCatchUp = Date.now()
    try {
      for (const [domain, isolation] of [...rt.pending]) {
        if (!running) return
        const result = await isolateOn(rt, domain, performance.now(), 1)
        if (!result.ok) return
        rt.pending.delete(domain)
        const index = isolation.results.findIndex((r) => r.chain === rt.domain.name)
        const previous = isolation.results[index]!
        const merged = { ...result, attempts: previous.attempts + result.attempts }
        isolation.results[index] = merged
        parameters.onCaughtUp?.({ domain, result: merged })
      }
    } finally {
      rt.catchingUp = false
    }
  }

  // A chain counts as lost only after several consecutive failed probes AND `failClosedAfterMs`
  // without any answer, so a slow machine or a busy event loop does not isolate a healthy domain.
  // When this process itself stalls (a long synchronous task), timers fire late and every
  // chain looks silent; such rounds prove nothing about the chains and are not counted.
  let lastTick = Date.now()
  async function checkHealth() {
    const now = Date.now()
    const stalled = now - lastTick > 2 * heartbeatMs
    lastTick = now
    if (stalled) {
      for (const rt of runtimes) rt.lastSeen = Math.max(rt.lastSeen, now - heartbeatMs)
      return
    }
    const timeoutMs = Math.max(heartbeatMs, 1_000)
    await Promise.all(
      runtimes.map(async (rt) => {
        if (rt.probing) return
        rt.probing = true
        const started = Date.now()
        let failure: unknown
        let block: bigint | undefined
        const ok = await Promise.race([
          getBlockNumber(rt.client, { cacheTime: 0 }).then(
            (n) => {
              block = n
              return true
            },
            (error: unknown) => {
              failure = error
              return false
            },
          ),
          new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
        ])
        rt.probing = false
        if (!ok && Date.now() - started > timeoutMs + 250) return // our timer fired late: inconclusive
        const recovering = ok && rt.failures > 0
        rt.failures = ok ? 0 : rt.failures + 1
        if (ok) {
          markUp(rt, 'probe')
          if (rt.price === undefined) {
            if (block !== undefined) void connectLate(rt, block)
          } else if (recovering) void backfill(rt)
          else if (block !== undefined && rt.backfillFrom === undefined) {
            rt.lastBlock = block
            if (stateDir) state.blocks[rt.domain.name] = String(block)
          }
        } else if (rt.failures >= probeFailures) {
          markDown(rt, failure ?? new Error(`no answer to eth_blockNumber within ${timeoutMs} ms`), 'probe')
          void reviveSocket(rt)
        }
        // Fail closed: a chain lost by reads (no answer since `lastSeen`) or by writes (isolations
        // failing since `down.since`) for longer than `failClosedAfterMs`.
        const lostByReads = !ok && rt.failures >= 3 && Date.now() - rt.lastSeen > failClosedAfterMs
        const lostByWrites = rt.down?.by === 'write' && Date.now() - rt.down.since > failClosedAfterMs
        if (
          (lostByReads || lostByWrites) &&
          domainPolicy.tiers[rt.domain.tier].failClosed &&
          circuitBreaker.breaker(rt.domain.name).state !== 'open'
        )
          tripDomain(
            rt.domain.name,
            'failClosed',
            `watcher has not reached the ${rt.domain.name} chain for ${lostByReads ? Date.now() - rt.lastSeen : Date.now() - rt.down!.since} ms by ${lostByReads ? 'reads' : 'writes'} (${rt.down?.error ?? 'no answer'}; fail-closed tier ${rt.domain.tier})`,
            performance.now(),
          )
        void catchUp(rt)
      }),
    )
    if (stateDir && Date.now() - stateSavedAt >= 1_000) saveState()
  }

  return {
    circuitBreaker,
    get isolations() {
      return isolations
    },
    async start() {
      if (running) return
      running = true
      runtimes = parameters.domains.map((domain) => {
        const ownsClient = domain.wsUrl !== undefined
        const client =
          domain.wsUrl !== undefined
            ? createPublicClient({ transport: webSocket(domain.wsUrl, { retryCount: 3 }) })
            : domain.client!
        const rt: Runtime = {
          domain,
          client,
          ownsClient,
          sender: new ChainSender(domain.walletClient, { rpc: client }),
          price: undefined,
          connecting: false,
          lastSeen: Date.now(),
          failures: 0,
          probing: false,
          down: undefined,
          pending: new Map(),
          sending: 0,
          catchingUp: false,
          lastCatchUp: 0,
          seenLogs: new Set(),
          lastBlock: undefined,
          backfillFrom: undefined,
          backfilling: false,
        }
        return rt
      })
      // A chain that does not answer now is reported and followed from its first answer; the
      // others are watched at once (a fail-closed domain out of sight trips as usual).
      try {
        await Promise.all(
          runtimes.map((rt) =>
            connect(rt).catch((error: unknown) => {
              if (error instanceof WatcherConfigurationError) throw error
              rt.failures = probeFailures
              markDown(rt, error, 'probe')
            }),
          ),
        )
      } catch (error) {
        running = false
        await release(runtimes)
        runtimes = []
        throw error
      }
      for (const rt of runtimes) {
        // Events since the last block a previous run saw (a margin of a few blocks) are read
        // first: an anomaly sent while no watcher was running still trips.
        const saved = state.blocks[rt.domain.name]
        if (saved !== undefined) rt.lastBlock = BigInt(saved)
      }
      const connected = runtimes.filter((rt) => rt.price !== undefined)
      for (const rt of connected) subscribe(rt)
      // A channel that isolated itself (its guard held a transfer) while no watcher saw it is a
      // trip too: record it like one, so its peers are cut off below.
      if (stateDir) {
        const flags = await Promise.all(
          runtimes.map((rt) =>
            // A chain not answering yet is read when it first answers (connectLate).
            rt.price === undefined ? false : isolatedOnChain(rt).catch(() => false),
          ),
        )
        runtimes.forEach((rt, i) => {
          if (
            flags[i] &&
            !state.trips[rt.domain.name] &&
            circuitBreaker.breaker(rt.domain.name).state !== 'open'
          )
            state.trips[rt.domain.name] = {
              domain: rt.domain.name,
              detector: 'onChainGuard',
              reason: `the ${rt.domain.name} channel is isolated on chain`,
              at: Date.now(),
            }
        })
        saveState()
      }
      // Trips recorded by a previous run stay enforced: trip the breakers again and re-send the
      // isolations (each chain ignores an isolation it already has).
      for (const recorded of Object.values(state.trips)) {
        if (!parameters.domains.some((d) => d.name === recorded.domain)) continue
        const breaker = circuitBreaker.breaker(recorded.domain)
        if (breaker.state !== 'open')
          breaker.trip({
            at: recorded.at / 1000,
            reason: recorded.reason,
            by: `restored:${recorded.detector}`,
          })
        void isolateEverywhere(
          {
            domain: recorded.domain,
            detector: recorded.detector as Trip['detector'],
            index: -1,
            reason: `restored after a restart: ${recorded.reason}`,
            event: {
              domain: recorded.domain,
              from: '0x0000000000000000000000000000000000000000',
              usd: 0n,
              timestamp: recorded.at / 1000,
            },
          },
          performance.now(),
        )
      }
      await Promise.all(
        connected
          .filter((rt) => rt.lastBlock !== undefined)
          .map(async (rt) => {
            try {
              await backfill(rt)
            } catch (error) {
              parameters.onError?.({ chain: rt.domain.name, error })
            }
          }),
      )
      if (stateDir) {
        // From here on a restart reads events from the current heads at the latest.
        await Promise.all(
          connected.map(async (rt) => {
            rt.lastBlock ??= await getBlockNumber(rt.client, { cacheTime: 0 }).catch(() => undefined)
            if (rt.lastBlock !== undefined) state.blocks[rt.domain.name] = String(rt.lastBlock)
          }),
        )
        saveState()
      }
      // Keep every isolation transaction signed ahead, so a trip costs one raw send per chain.
      await Promise.all(
        runtimes.flatMap((rt) =>
          parameters.domains.map((d) =>
            rt.sender
              .standby(`isolate:${d.name}`, isolateCall(rt, d.name))
              .catch((error) => parameters.onError?.({ chain: rt.domain.name, error })),
          ),
        ),
      )
      heartbeat = setInterval(() => {
        const now = Date.now() / 1000
        for (const b of circuitBreaker.breakers()) if (b.state === 'halfOpen') b.drain(now)
        void checkHealth()
      }, heartbeatMs)
    },
    async stop() {
      running = false
      if (heartbeat) clearInterval(heartbeat)
      await Promise.allSettled([...unfinished])
      await release(runtimes)
      runtimes = []
    },
    health() {
      return runtimes.map((rt) => ({
        chain: rt.domain.name,
        tier: rt.domain.tier,
        reachable: rt.down === undefined,
        lastSeen: rt.lastSeen,
        ...(rt.down ? { since: rt.down.since, error: rt.down.error } : {}),
        pendingIsolations: [...rt.pending.keys()],
      }))
    },
    reset(domain, { by, reason }) {
      if (!parameters.domains.some((d) => d.name === domain))
        throw new UnknownDomainError({ domain, known: parameters.domains.map((d) => d.name) })
      circuitBreaker.breaker(domain).reset({ at: Date.now() / 1000, by, reason })
      // An isolation still owed to a chain, or still being retried there, is dropped: reopening
      // the lanes is governance's call. A trip after the reset sends a new isolation.
      for (const rt of runtimes) rt.pending.delete(domain)
      resets.set(domain, (resets.get(domain) ?? 0) + 1)
      inProgress.delete(domain)
      if (state.trips[domain]) {
        delete state.trips[domain]
        saveState()
      }
    },
    async isolate(domain, reason) {
      if (!parameters.domains.some((d) => d.name === domain))
        throw new UnknownDomainError({ domain, known: parameters.domains.map((d) => d.name) })
      const started = performance.now()
      if (!circuitBreaker.breaker(domain).trip({ at: Date.now() / 1000, reason, by: 'operator' }))
        return inProgress.get(domain)
      return isolateEverywhere(
        {
          domain,
          detector: 'onChainGuard',
          index: -1,
          reason,
          event: {
            domain,
            from: '0x0000000000000000000000000000000000000000',
            usd: 0n,
            timestamp: Date.now() / 1000,
          },
        },
        started,
      )
    },
  }
}
