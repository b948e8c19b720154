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
import { getBlockNumber, readContract, watchContractEvent } from 'viem/actions'
import { z } from 'zod'
import { type CircuitBreaker, createCircuitBreaker } from '../breaker/circuitBreaker.js'
import type { Trip } from '../detectors/pipeline.js'
import { UnknownDomainError } from '../errors/breaker.js'
import { ChainSender } from '../internal/chainSender.js'
import type { WriteClient } from '../internal/client.js'
import { type BreakerPolicy, resolvePolicy } from '../policy/policy.js'
import type { PriceSource, TokenPrice } from '../price/priceSource.js'
import { valueInUsd } from '../price/priceSource.js'

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
  /** Retries per chain when isolating (default 30, backoff from 100 ms up to 1 s). */
  retry?: { attempts?: number; delayMs?: number; maxDelayMs?: number }
  /** Health check period (default 500 ms); fail-closed tiers trip after `failClosedAfterMs` (default 3,000 ms) unseen. */
  heartbeatMs?: number
  failClosedAfterMs?: number
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
   * the lanes on chain separately (governance `unpauseLane` / `liftIsolation`).
   */
  reset(domain: string, parameters: { by: string; reason: string }): void
  /** Isolations completed so far. */
  readonly isolations: readonly Isolation[]
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
 * every peer pauses its lane to and from it, and the domain isolates itself. An unreachable
 * chain is retried and reported. Domains whose tier policy is fail-closed are isolated when the
 * watcher loses sight of their chain.
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
  const isolations: Isolation[] = []
  const inProgress = new Map<string, Promise<Isolation>>()

  type Runtime = {
    domain: WatcherDomain
    client: Client
    ownsClient: boolean
    sender: ChainSender
    price: TokenPrice
    token?: Address
    lastSeen: number
    failures: number
    probing: boolean
    unwatch?: () => void
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

  async function isolateOn(rt: Runtime, target: string, started: number): Promise<IsolationResult> {
    let delay = retry.delayMs
    for (let attempt = 1; ; attempt++) {
      try {
        const hash = await rt.sender.call(isolateCall(rt, target), `isolate:${target}`)
        return { chain: rt.domain.name, ok: true, hash, attempts: attempt, ms: performance.now() - started }
      } catch (error) {
        parameters.onError?.({ chain: rt.domain.name, error, attempt })
        if (attempt >= retry.attempts || !running)
          return {
            chain: rt.domain.name,
            ok: false,
            attempts: attempt,
            ms: performance.now() - started,
            error: error instanceof Error ? error.message.split('\n')[0]! : String(error),
          }
        await new Promise((r) => setTimeout(r, delay))
        delay = Math.min(retry.maxDelayMs, delay * 2)
      }
    }
  }

  function isolateEverywhere(trip: Trip, started: number): Promise<Isolation> {
    const existing = inProgress.get(trip.domain)
    if (existing) return existing
    parameters.onTrip?.(trip)
    const run = Promise.all(runtimes.map((rt) => isolateOn(rt, trip.domain, started))).then((results) => {
      const isolation = { domain: trip.domain, trip, results, ms: performance.now() - started }
      isolations.push(isolation)
      inProgress.delete(trip.domain)
      parameters.onIsolated?.(isolation)
      return isolation
    })
    inProgress.set(trip.domain, run)
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
    const parsed = parseEventLogs({ abi: channelAbi, logs })
    for (const log of parsed) {
      if (log.eventName === 'TransferHeld') {
        tripDomain(
          rt.domain.name,
          'onChainGuard',
          `channel of ${rt.domain.name} held transfer #${log.args.heldId} of ${log.args.amount} base units (guard reason ${log.args.reason})`,
          started,
        )
      } else if (log.eventName === 'MessageSent') {
        const usd = valueInUsd(log.args.amount, rt.price)
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
        const ok = await Promise.race([
          getBlockNumber(rt.client, { cacheTime: 0 }).then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
        ])
        rt.probing = false
        if (!ok && Date.now() - started > timeoutMs + 250) return // our timer fired late: inconclusive
        rt.failures = ok ? 0 : rt.failures + 1
        if (ok) rt.lastSeen = Date.now()
        else if (
          rt.failures >= 3 &&
          Date.now() - rt.lastSeen > failClosedAfterMs &&
          domainPolicy.tiers[rt.domain.tier].failClosed &&
          circuitBreaker.breaker(rt.domain.name).state === 'closed'
        )
          tripDomain(
            rt.domain.name,
            'failClosed',
            `watcher has not reached the ${rt.domain.name} chain for ${Date.now() - rt.lastSeen} ms (fail-closed tier ${rt.domain.tier})`,
            performance.now(),
          )
      }),
    )
  }

  return {
    circuitBreaker,
    get isolations() {
      return isolations
    },
    async start() {
      if (running) return
      running = true
      runtimes = await Promise.all(
        parameters.domains.map(async (domain) => {
          const ownsClient = domain.wsUrl !== undefined
          const client =
            domain.wsUrl !== undefined
              ? createPublicClient({ transport: webSocket(domain.wsUrl, { retryCount: 3 }) })
              : domain.client!
          const token = (await readContract(client, {
            address: domain.channel,
            abi: channelAbi,
            functionName: 'token',
          })) as Address
          const price = parameters.prices ? await parameters.prices.getPrice(token) : ONE_USD_TOKEN
          const rt: Runtime = {
            domain,
            client,
            ownsClient,
            sender: new ChainSender(domain.walletClient, { rpc: client }),
            price,
            token,
            lastSeen: Date.now(),
            failures: 0,
            probing: false,
          }
          return rt
        }),
      )
      for (const rt of runtimes) {
        rt.unwatch = watchContractEvent(rt.client, {
          address: rt.domain.channel,
          abi: channelAbi,
          onLogs: (logs) => onLogs(rt, logs as Log[]),
          onError: (error) => parameters.onError?.({ chain: rt.domain.name, error }),
          pollingInterval: 20,
        })
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
      await Promise.allSettled([...inProgress.values()])
      for (const rt of runtimes) {
        rt.unwatch?.()
        if (rt.ownsClient) {
          const transport = rt.client.transport as { getRpcClient?: () => Promise<{ close(): void }> }
          await transport
            .getRpcClient?.()
            .then((c) => c.close())
            .catch(() => undefined)
        }
      }
      runtimes = []
    },
    reset(domain, { by, reason }) {
      if (!parameters.domains.some((d) => d.name === domain))
        throw new UnknownDomainError({ domain, known: parameters.domains.map((d) => d.name) })
      circuitBreaker.breaker(domain).reset({ at: Date.now() / 1000, by, reason })
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
