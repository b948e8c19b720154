import { RpcRequestError } from '../errors/sandbox.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { rpcBatch } from '../rpc/jsonRpc.js'
import { nowMs, sleep } from './clock.js'
import type { SignedTx } from './presign.js'

/** What happened to one transaction handed to {@link submitTransactions}. */
export type SubmitRecord = {
  /** Wall-clock ms of the request that the chain accepted or rejected (NaN when never sent). */
  sentAt: number
  /** Whether the chain accepted it into its pool. */
  accepted: boolean
  /** The chain's error message when it was rejected. */
  error?: string
}

export type SubmitParameters = {
  rpcUrl: string
  txs: readonly SignedTx[]
  /** Wall-clock ms the planned times (`tx.at`) count from (default: now). */
  startAt?: number
  /** Transactions per JSON-RPC batch request (default 200). */
  batchSize?: number
  /** Batch requests in flight at once (default 4). */
  concurrency?: number
  /** Per-request timeout; a timed-out batch is retried (default 3,000 ms). */
  timeoutMs?: number
  /**
   * Shortest pause between two batch requests while following the schedule (default 100 ms):
   * fewer, larger requests leave the node time to mine.
   */
  flushIntervalMs?: number
  /** Ends the load early: unsent transactions stay unsent. */
  signal?: AbortSignal
  /** Called after each batch's answer. */
  onBatch?: (info: { sent: number; accepted: number; at: number }) => void
}

export type SubmitResult = {
  records: SubmitRecord[]
  /** Wall-clock ms of the first and last send. */
  firstSentAt: number
  lastSentAt: number
  /** Batch requests that failed to reach the chain and were retried. */
  retries: number
  /** Rejection messages with their counts. */
  errors: Record<string, number>
}

/** Answers that mean the chain already has the transaction (an earlier attempt got through). */
const alreadyTaken = /already known|known transaction|already imported/i

/**
 * Submits pre-signed transactions on their planned schedule as batched `eth_sendRawTransaction`
 * JSON-RPC arrays over HTTP, a few requests in flight at once. A batch that cannot reach the
 * chain (an outage) is retried until it can or the signal aborts; rejections by the chain are
 * recorded, not retried.
 *
 * @example
 * import { submitTransactions } from '@caldera/sandbox'
 * const { records } = await submitTransactions({ rpcUrl: chain.rpcUrl, txs, batchSize: 250 })
 */
export async function submitTransactions(parameters: SubmitParameters): Promise<SubmitResult> {
  check(inputSchemas.submit, parameters, 'submitTransactions parameters')
  const { rpcUrl, txs, signal } = parameters
  const batchSize = parameters.batchSize ?? 200
  const concurrency = parameters.concurrency ?? 2
  const flushIntervalMs = parameters.flushIntervalMs ?? 100
  let lastFlush = Number.NEGATIVE_INFINITY
  const timeoutMs = parameters.timeoutMs ?? 3_000
  const startAt = parameters.startAt ?? nowMs()
  const records: SubmitRecord[] = txs.map(() => ({ sentAt: Number.NaN, accepted: false }))
  const errors: Record<string, number> = {}
  let retries = 0
  let next = 0
  let firstSentAt = Number.NaN
  let lastSentAt = Number.NaN
  let sentCount = 0
  let acceptedCount = 0
  const inFlight = new Set<Promise<void>>()

  const sendBatch = async (from: number, to: number): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      const at = nowMs()
      try {
        const outcomes = await rpcBatch({
          url: rpcUrl,
          calls: txs.slice(from, to).map((tx) => ({ method: 'eth_sendRawTransaction', params: [tx.raw] })),
          timeoutMs,
        })
        if (Number.isNaN(firstSentAt) || at < firstSentAt) firstSentAt = at
        lastSentAt = Math.max(Number.isNaN(lastSentAt) ? at : lastSentAt, at)
        outcomes.forEach((o, k) => {
          const record = records[from + k]!
          record.sentAt = at
          sentCount++
          // After a timed-out attempt, "nonce too low" means that attempt was taken: nonces are never reused here.
          const taken = o.error && attempt > 0 && /nonce too low/i.test(o.error.message)
          if (!o.error || taken || alreadyTaken.test(o.error.message)) {
            record.accepted = true
            acceptedCount++
          } else {
            record.error = o.error.message
            const key = o.error.message.replace(/0x[0-9a-fA-F]+/g, '0x…').replace(/\d{3,}/g, 'N')
            errors[key] = (errors[key] ?? 0) + 1
          }
        })
        parameters.onBatch?.({ sent: sentCount, accepted: acceptedCount, at })
        return
      } catch (error) {
        if (!(error instanceof RpcRequestError)) throw error
        retries++
        if (signal?.aborted) return
        await sleep(100, signal)
      }
    }
  }

  while (next < txs.length && !signal?.aborted) {
    const now = nowMs()
    const elapsed = now - startAt
    // Wait for a full batch or the flush interval, whichever comes first.
    const full = next + batchSize <= txs.length && txs[next + batchSize - 1]!.at <= elapsed
    if (!full && now - lastFlush < flushIntervalMs) {
      await sleep(Math.max(1, flushIntervalMs - (now - lastFlush)), signal)
      continue
    }
    let end = next
    while (end < txs.length && end - next < batchSize && txs[end]!.at <= elapsed) end++
    if (end === next) {
      await sleep(Math.min(20, Math.max(1, txs[next]!.at - elapsed)), signal)
      continue
    }
    if (inFlight.size >= concurrency) {
      await Promise.race(inFlight)
      continue
    }
    lastFlush = nowMs()
    const promise = sendBatch(next, end).finally(() => inFlight.delete(promise))
    inFlight.add(promise)
    next = end
  }
  await Promise.all(inFlight)
  return { records, firstSentAt, lastSentAt, retries, errors }
}
