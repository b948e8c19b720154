import { attestationVerifierAbi, channelAbi, hybridVerifierAbi, zkBatchVerifierAbi } from '@caldera/contracts'
import { domainIdOf, type Tier } from '@caldera/core'
import { createAttestationProof } from '@caldera/risk-domain'
import {
  type Abi,
  type Address,
  type Client,
  type Hash,
  type Hex,
  type LocalAccount,
  parseEventLogs,
} from 'viem'
import {
  getBlock,
  getBlockNumber,
  getContractEvents,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'
import type { CircuitBreaker } from '../breaker/circuitBreaker.js'
import { UnknownDomainError } from '../errors/breaker.js'
import { TransactionRevertedError, type WriteClient } from '../internal/client.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { Journal, messageKey, type QueuedMessage } from './journal.js'

/** The channel's ABI plus every batch verifier's errors, so a rejected batch is decoded by name. */
const receiveAbi = [
  ...channelAbi,
  ...[...attestationVerifierAbi, ...zkBatchVerifierAbi, ...hybridVerifierAbi].filter(
    (item) => item.type === 'error',
  ),
]

/** A batch as `IBatchVerifier` sees it. */
export type BatchToProve = {
  sourceDomain: Hex
  batchNonce: bigint
  messages: {
    sourceDomain: Hex
    destinationDomain: Hex
    nonce: bigint
    sender: Address
    recipient: Address
    amount: bigint
  }[]
}

/** One domain the relayer serves. */
export type RelayerDomain = {
  name: string
  tier: Tier
  channel: Address
  /** Reads this chain. */
  client: Client
  /** Submits batches arriving at this chain. */
  walletClient: WriteClient
  /**
   * Produces the proof the destination's verifier needs for this domain's outgoing batches.
   * Default: k-of-n attestations by `signers` (light tier `AttestationVerifier`); ZK and hybrid
   * tiers pass their own prover.
   */
  prove?: (batch: BatchToProve) => Promise<Hex>
  /** Validators that attest this domain's batches (used by the default prover). */
  signers?: readonly LocalAccount[]
  /** Largest batch this domain's proofs can carry (e.g. 8 for the financial Groth16 circuit). */
  maxBatch?: number
  /**
   * `hybrid` (enterprise tier): each batch is first submitted with its attestations to the
   * destination lane's `HybridVerifier`, then delivered once the challenge window has passed,
   * with `prove`'s ZK proof when the batch total is above the verifier's threshold.
   * `direct` (default): delivered at once with `prove`'s proof (or attestations).
   */
  verification?: 'direct' | 'hybrid'
}

export type CreateRelayerParameters = {
  domains: readonly RelayerDomain[]
  /** Folder of the durable queue (an fsynced append-only journal). */
  queueDir: string
  /** Messages per batch (default 20). */
  batchSize?: number
  /** Pause between passes (default 100 ms). */
  pollIntervalMs?: number
  /** Called after each batch is submitted (before it is mined) and after it is delivered. */
  onBatchSent?: (batch: {
    source: string
    destination: string
    batchNonce: bigint
    keys: string[]
    hash: Hash
  }) => void
  onDelivered?: (batch: { source: string; destination: string; keys: string[]; hash?: Hash }) => void
  onError?: (error: unknown) => void
  /**
   * The watcher's circuit breaker (`watcher.circuitBreaker`). While a source domain's breaker is
   * open nothing of it is delivered; while half-open its messages are paid first-in-first-out at
   * the tier's drain rate, so nobody withdraws alongside everyone the moment a domain reopens.
   */
  circuitBreaker?: CircuitBreaker
  /** USD value (micro-dollars) of a message for pacing; default 1 token (18 decimals) = 1 USD. */
  usdOf?: (message: QueuedMessage) => bigint
}

/** A running relayer. */
export type Relayer = {
  start(): Promise<void>
  /** Stops after the current pass. */
  stop(): Promise<void>
  /** Runs one pass: scan every source, deliver what every open lane allows. */
  tick(): Promise<void>
  /** Messages waiting, oldest first. */
  pending(): QueuedMessage[]
}

/**
 * Creates the relayer: it scans every channel's `MessageSent` events, journals them durably on
 * disk, and delivers them in verified batches to their destination channels. A paused lane keeps
 * its messages queued; after a reset they drain in order. Before each batch it checks the
 * destination's executed state, so after a crash nothing is lost or delivered twice (the
 * channel also refuses a second delivery).
 *
 * @example
 * import { createRelayer } from '@caldera/circuit-breaker'
 * const relayer = createRelayer({ domains, queueDir: './.relayer' })
 * await relayer.start()
 * // …
 * await relayer.stop()
 */
export function createRelayer(parameters: CreateRelayerParameters): Relayer {
  check(inputSchemas.relayerOptions, parameters, 'relayer parameters')
  const batchSize = parameters.batchSize ?? 20
  const pollIntervalMs = parameters.pollIntervalMs ?? 100
  const byName = new Map(parameters.domains.map((d) => [d.name, d]))
  const byId = new Map(parameters.domains.map((d) => [domainIdOf(d.name), d.name]))
  const usdOf = parameters.usdOf ?? ((m: QueuedMessage) => m.amount / 10n ** 12n)
  const offered = new Set<string>()
  let journal: Journal | undefined
  let running = false
  let loop: Promise<void> | undefined

  const domainOf = (name: string) => {
    const d = byName.get(name)
    if (!d) throw new UnknownDomainError({ domain: name, known: [...byName.keys()] })
    return d
  }
  const open = () => {
    journal ??= new Journal(parameters.queueDir)
    return journal
  }

  async function scan(j: Journal, d: RelayerDomain) {
    const latest = await getBlockNumber(d.client, { cacheTime: 0 })
    const from = (j.cursors.get(d.name) ?? -1n) + 1n
    if (from > latest) return
    const logs = await getContractEvents(d.client, {
      address: d.channel,
      abi: channelAbi,
      eventName: 'MessageSent',
      fromBlock: from,
      toBlock: latest,
    })
    const messages: QueuedMessage[] = []
    for (const log of logs) {
      const args = log.args as {
        destinationDomain: Hex
        nonce: bigint
        sender: Address
        recipient: Address
        amount: bigint
      }
      const destination = byId.get(args.destinationDomain)
      if (!destination) continue
      messages.push({
        key: messageKey(d.name, destination, args.nonce),
        source: d.name,
        destination,
        nonce: args.nonce,
        sender: args.sender,
        recipient: args.recipient,
        amount: args.amount,
      })
    }
    j.enqueue(d.name, latest, messages)
  }

  async function deliverLane(j: Journal, source: string, destination: string, queued: QueuedMessage[]) {
    const src = domainOf(source)
    const dst = domainOf(destination)
    const sourceId = domainIdOf(source)
    const [, paused] = (await readContract(dst.client, {
      address: dst.channel,
      abi: channelAbi,
      functionName: 'lane',
      args: [sourceId],
    })) as readonly [boolean, boolean, bigint, unknown]
    if (paused) return
    // Hold the messages of an isolated source too (they wait for review, not for a race).
    const [, sourcePaused] = (await readContract(src.client, {
      address: src.channel,
      abi: channelAbi,
      functionName: 'lane',
      args: [domainIdOf(destination)],
    })) as readonly [boolean, boolean, bigint, unknown]
    if (sourcePaused) return
    const breaker = parameters.circuitBreaker?.breaker(source)
    let allowed = queued
    if (breaker && breaker.state === 'open') return
    if (breaker && breaker.state === 'halfOpen') {
      for (const m of queued)
        if (!offered.has(m.key)) {
          offered.add(m.key)
          const usd = usdOf(m)
          breaker.offer({
            id: m.key,
            usd,
            index: -1,
            event: {
              domain: source,
              toDomain: destination,
              from: m.sender,
              usd,
              timestamp: Date.now() / 1000,
            },
          })
        }
      breaker.drain(Date.now() / 1000)
      allowed = queued.filter((m) => breaker.wasPaid(m.key))
    }
    if (src.verification === 'hybrid') return deliverHybrid(j, src, dst, allowed)
    const batch = allowed.slice(0, Math.min(batchSize, src.maxBatch ?? batchSize))
    const executed = await Promise.all(
      batch.map(
        (m) =>
          readContract(dst.client, {
            address: dst.channel,
            abi: channelAbi,
            functionName: 'executed',
            args: [sourceId, m.nonce],
          }) as Promise<boolean>,
      ),
    )
    const already = batch.filter((_, i) => executed[i])
    if (already.length > 0) {
      j.complete(already.map((m) => m.key))
      parameters.onDelivered?.({ source, destination, keys: already.map((m) => m.key) })
    }
    const todo = batch.filter((_, i) => !executed[i])
    if (todo.length === 0) return
    const batchNonce = j.nextBatch(source)
    const messages = todo.map((m) => ({
      sourceDomain: sourceId,
      destinationDomain: domainIdOf(destination),
      nonce: m.nonce,
      sender: m.sender,
      recipient: m.recipient,
      amount: m.amount,
    }))
    const proof = src.prove
      ? await src.prove({ sourceDomain: sourceId, batchNonce, messages })
      : (
          await createAttestationProof({
            domainId: sourceId,
            batchNonce,
            messages,
            signers: src.signers ?? [],
          })
        ).proof
    const keys = todo.map((m) => m.key)
    const call = {
      address: dst.channel,
      abi: receiveAbi,
      functionName: 'receiveBatch',
      args: [messages, batchNonce, proof],
      // Explicit gas: estimation under-counts pairing checks, and an out-of-gas Groth16 verifier
      // answers false instead of reverting.
      gas: (src.prove ? 1_500_000n : 300_000n) + 60_000n * BigInt(messages.length),
      account: dst.walletClient.account,
      chain: dst.walletClient.chain,
    } as const
    await simulateContract(dst.walletClient, call as never)
    const hash = await writeContract(dst.walletClient, call as never)
    parameters.onBatchSent?.({ source, destination, batchNonce, keys, hash })
    const receipt = await waitForTransactionReceipt(dst.walletClient, { hash, pollingInterval: 20 })
    if (receipt.status !== 'success') throw new TransactionRevertedError(hash, 'receiveBatch')
    j.complete(keys, hash)
    parameters.onDelivered?.({ source, destination, keys, hash })
  }

  const toBatch = (source: string, destination: string, list: readonly QueuedMessage[]) =>
    list.map((m) => ({
      sourceDomain: domainIdOf(source),
      destinationDomain: domainIdOf(destination),
      nonce: m.nonce,
      sender: m.sender,
      recipient: m.recipient,
      amount: m.amount,
    }))

  async function attestations(src: RelayerDomain, batchNonce: bigint, messages: BatchToProve['messages']) {
    const { proof } = await createAttestationProof({
      domainId: domainIdOf(src.name),
      batchNonce,
      messages,
      signers: src.signers ?? [],
    })
    return proof
  }

  async function send(
    dst: RelayerDomain,
    call: { address: Address; abi: Abi; functionName: string; args: unknown[]; gas: bigint },
    simulate = true,
  ) {
    const request = { ...call, account: dst.walletClient.account, chain: dst.walletClient.chain }
    const { functionName } = call
    if (simulate) await simulateContract(dst.walletClient, request as never)
    const hash = await writeContract(dst.walletClient, request as never)
    const receipt = await waitForTransactionReceipt(dst.walletClient, { hash, pollingInterval: 20 })
    if (receipt.status !== 'success') throw new TransactionRevertedError(hash, functionName)
    return { hash, receipt }
  }

  async function deliverHybrid(j: Journal, src: RelayerDomain, dst: RelayerDomain, allowed: QueuedMessage[]) {
    const source = src.name
    const destination = dst.name
    const sourceId = domainIdOf(source)
    const [, , , config] = (await readContract(dst.client, {
      address: dst.channel,
      abi: channelAbi,
      functionName: 'lane',
      args: [sourceId],
    })) as readonly [boolean, boolean, bigint, { verifier: Address }]
    const verifier = config.verifier
    const open = [...j.submissions.values()].filter(
      (sub) => sub.source === source && sub.destination === destination,
    )
    const inSubmission = new Set(open.flatMap((sub) => sub.keys))
    const allowedKeys = new Set(allowed.map((m) => m.key))
    // 1. Deliver submitted batches whose challenge window has passed.
    for (const sub of open) {
      const messages = sub.keys.map((k) => j.pending.get(k))
      if (messages.some((m) => m === undefined)) {
        j.drop(source, sub.batchNonce) // already delivered
        continue
      }
      const done = await Promise.all(
        (messages as QueuedMessage[]).map(
          (m) =>
            readContract(dst.client, {
              address: dst.channel,
              abi: channelAbi,
              functionName: 'executed',
              args: [sourceId, m.nonce],
            }) as Promise<boolean>,
        ),
      )
      if (done.every(Boolean)) {
        // Delivered before a crash could record it.
        j.complete(sub.keys)
        j.drop(source, sub.batchNonce)
        parameters.onDelivered?.({ source, destination, keys: sub.keys })
        continue
      }
      if (!sub.keys.every((k) => allowedKeys.has(k))) continue // paced or paused
      const [, executableAt, challenged] = (await readContract(dst.client, {
        address: verifier,
        abi: hybridVerifierAbi,
        functionName: 'submission',
        args: [sourceId, sub.batchNonce],
      })) as readonly [Hex, bigint, boolean]
      if (challenged) {
        j.drop(source, sub.batchNonce) // its messages go into a new batch
        continue
      }
      // The next block is mined at about the wall-clock time (an idle chain's latest block can be
      // old); the simulation below refuses an early attempt, which is simply retried.
      const block = await getBlock(dst.client, { blockTag: 'latest' })
      const now = BigInt(Math.floor(Date.now() / 1000))
      if ((block.timestamp > now ? block.timestamp : now) < executableAt) continue
      const batch = toBatch(source, destination, messages as QueuedMessage[])
      const total = batch.reduce((a, m) => a + m.amount, 0n)
      const zkAbove = (await readContract(dst.client, {
        address: verifier,
        abi: hybridVerifierAbi,
        functionName: 'zkProofAbove',
      })) as bigint
      const proof =
        total > zkAbove && src.prove
          ? await src.prove({ sourceDomain: sourceId, batchNonce: sub.batchNonce, messages: batch })
          : '0x'
      // Not simulated: an idle chain's latest block may predate the window's end, while the
      // block this transaction creates does not (a premature attempt just reverts and is retried).
      const { hash } = await send(
        dst,
        {
          address: dst.channel,
          abi: receiveAbi as Abi,
          functionName: 'receiveBatch',
          args: [batch, sub.batchNonce, proof],
          gas: (proof === '0x' ? 400_000n : 1_800_000n) + 60_000n * BigInt(batch.length),
        },
        false,
      )
      j.complete(sub.keys, hash)
      j.drop(source, sub.batchNonce)
      parameters.onDelivered?.({ source, destination, keys: sub.keys, hash })
    }
    // 2. Submit the next batch of messages not yet in a submission.
    const fresh = allowed
      .filter((m) => !inSubmission.has(m.key))
      .slice(0, Math.min(batchSize, src.maxBatch ?? batchSize))
    if (fresh.length === 0) return
    const batchNonce = j.nextBatch(source)
    const batch = toBatch(source, destination, fresh)
    const { hash, receipt } = await send(dst, {
      address: verifier,
      abi: hybridVerifierAbi as Abi,
      functionName: 'submitBatch',
      args: [sourceId, batchNonce, batch, await attestations(src, batchNonce, batch)],
      gas: 600_000n + 40_000n * BigInt(batch.length),
    })
    const [event] = parseEventLogs({
      abi: hybridVerifierAbi,
      logs: receipt.logs,
      eventName: 'BatchSubmitted',
    })
    const keys = fresh.map((m) => m.key)
    j.submitted({
      source,
      destination,
      batchNonce,
      keys,
      executableAt: BigInt(event?.args.executableAt ?? 0n),
    })
    parameters.onBatchSent?.({ source, destination, batchNonce, keys, hash })
  }

  async function tick() {
    const j = open()
    await Promise.all(parameters.domains.map((d) => scan(j, d).catch((e) => parameters.onError?.(e))))
    const lanes = new Map<string, QueuedMessage[]>()
    for (const m of [...j.pending.values()].sort((a, b) =>
      a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0,
    )) {
      const lane = `${m.source}>${m.destination}`
      const list = lanes.get(lane) ?? []
      list.push(m)
      lanes.set(lane, list)
    }
    // One destination at a time per chain (its wallet's nonces), destinations in parallel.
    const byDestination = new Map<string, [string, QueuedMessage[]][]>()
    for (const [lane, list] of lanes) {
      const dst = list[0]!.destination
      byDestination.set(dst, [...(byDestination.get(dst) ?? []), [lane, list]])
    }
    await Promise.all(
      [...byDestination.values()].map(async (entries) => {
        for (const [, list] of entries)
          await deliverLane(j, list[0]!.source, list[0]!.destination, list).catch((e) =>
            parameters.onError?.(e),
          )
      }),
    )
  }

  return {
    tick,
    pending: () => [...open().pending.values()],
    async start() {
      if (running) return
      running = true
      open()
      loop = (async () => {
        while (running) {
          await tick().catch((e) => parameters.onError?.(e))
          if (running) await new Promise((r) => setTimeout(r, pollIntervalMs))
        }
      })()
    },
    async stop() {
      running = false
      await loop
      journal?.close()
      journal = undefined
    },
  }
}
