import type { Tier } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import type { SignedTx } from '../load/presign.js'
import type { SubmitResult } from '../load/submit.js'
import type { TrackedBlock } from './blockTracker.js'
import { type Percentiles, percentiles } from './percentiles.js'

/** Per-second time series of one domain, from the start of the run. */
export type DomainSeries = {
  /** Seconds from the run's start (bucket starts). */
  t: number[]
  submitted: number[]
  included: number[]
}

/** Gas of one block, for the gas chart. */
export type BlockPoint = { t: number; number: number; gasUsed: number; txs: number; baseFeeGwei: number }

/** The load metrics of one domain. */
export type DomainLoadMetrics = {
  domain: string
  tier: Tier
  planned: number
  sent: number
  accepted: number
  rejected: number
  /** Transactions in canonical blocks. */
  included: number
  /** Included but reverted (among the transactions whose receipts were read). */
  reverted: number
  /** Accepted but not in any canonical block when the run ended. */
  pending: number
  submitTxPerS: number
  includedTxPerS: number
  /** Median of the per-second included counts while the load was being sent (edges excluded). */
  sustainedIncludedTxPerS: number
  /** Inclusion latency: from the send of the request to the block being seen. */
  latencyMs: Percentiles
  /** Mean gas per transaction by kind (`transfer`, `notarize`, `play`, `crossDomain`), from the receipts read. */
  gasPerTx: Record<string, number>
  gasPerBlock: Percentiles
  series: DomainSeries
  blocks: BlockPoint[]
  errors: Record<string, number>
  retries: number
  reorgs: number
}

/**
 * Joins what was sent with what the chain included and summarizes it: counts, rates, inclusion
 * latency percentiles, gas per transaction kind and per block, and per-second series.
 *
 * @example
 * import { loadMetrics } from '@caldera/sandbox'
 * const m = loadMetrics({ domain: 'light', tier: 'light', txs, submit, blocks: tracker.blocks, runStart })
 */
export function loadMetrics(options: {
  domain: string
  tier: Tier
  txs: readonly SignedTx[]
  submit: SubmitResult
  blocks: ReadonlyMap<number, TrackedBlock>
  /** Wall-clock ms the series count from. */
  runStart: number
  reorgs?: number
  /** Receipts (gas, status) by transaction hash, when not read with the blocks (e.g. a sample). */
  receipts?: ReadonlyMap<string, { gasUsed: bigint; success: boolean }>
}): DomainLoadMetrics {
  check(inputSchemas.loadMetrics, options, 'loadMetrics options')
  const { domain, tier, txs, submit, blocks, runStart, reorgs = 0, receipts } = options
  const inclusion = new Map<string, TrackedBlock>()
  const ordered = [...blocks.values()].sort((a, b) => a.number - b.number)
  for (const block of ordered) for (const h of block.txHashes) inclusion.set(h, block)

  const latencies: number[] = []
  const gasByKind = new Map<string, { sum: number; n: number }>()
  let sent = 0
  let accepted = 0
  let included = 0
  let reverted = 0
  let firstIncluded = Number.POSITIVE_INFINITY
  let lastIncluded = 0
  const bucket = (ms: number) => Math.max(0, Math.floor((ms - runStart) / 1000))
  const submittedBuckets: number[] = []
  const includedBuckets: number[] = []
  const ourBlocks = new Map<number, number>()

  txs.forEach((tx, i) => {
    const record = submit.records[i]!
    if (!Number.isNaN(record.sentAt)) {
      sent++
      const b = bucket(record.sentAt)
      submittedBuckets[b] = (submittedBuckets[b] ?? 0) + 1
    }
    const block = inclusion.get(tx.hash)
    // A send that timed out and was answered "nonce too low" on retry was still taken by the chain.
    if (record.accepted || block) accepted++
    if (!block) return
    included++
    ourBlocks.set(block.number, (ourBlocks.get(block.number) ?? 0) + 1)
    const b = bucket(block.observedAt)
    includedBuckets[b] = (includedBuckets[b] ?? 0) + 1
    firstIncluded = Math.min(firstIncluded, block.observedAt)
    lastIncluded = Math.max(lastIncluded, block.observedAt)
    if (!Number.isNaN(record.sentAt)) latencies.push(Math.max(0, block.observedAt - record.sentAt))
    const receipt = block.gasByTx?.get(tx.hash) ?? receipts?.get(tx.hash)
    if (receipt) {
      if (!receipt.success) reverted++
      const g = gasByKind.get(tx.intent.kind) ?? { sum: 0, n: 0 }
      g.sum += Number(receipt.gasUsed)
      g.n++
      gasByKind.set(tx.intent.kind, g)
    }
  })

  const length = Math.max(submittedBuckets.length, includedBuckets.length)
  const series: DomainSeries = { t: [], submitted: [], included: [] }
  for (let s = 0; s < length; s++) {
    series.t.push(s)
    series.submitted.push(submittedBuckets[s] ?? 0)
    series.included.push(includedBuckets[s] ?? 0)
  }
  const sendSpan = (submit.lastSentAt - submit.firstSentAt) / 1000
  const includeSpan = (lastIncluded - submit.firstSentAt) / 1000
  const blockPoints: BlockPoint[] = ordered
    .filter((b) => b.observedAt >= runStart)
    .map((b) => ({
      t: Math.round((b.observedAt - runStart) / 100) / 10,
      number: b.number,
      gasUsed: Number(b.gasUsed),
      txs: ourBlocks.get(b.number) ?? 0,
      baseFeeGwei: Number(b.baseFeePerGas) / 1e9,
    }))
  const round = (x: number) => Math.round(x * 10) / 10
  const firstBucket = bucket(submit.firstSentAt) + 1
  const lastBucket = bucket(submit.lastSentAt) - 1
  const steady = series.included
    .slice(firstBucket, Math.max(firstBucket, lastBucket + 1))
    .sort((a, b) => a - b)
  const sustained = steady.length === 0 ? 0 : steady[Math.floor(steady.length / 2)]!
  return {
    domain,
    tier,
    planned: txs.length,
    sent,
    accepted,
    rejected: sent - accepted,
    included,
    reverted,
    pending: accepted - included,
    submitTxPerS: sent > 1 && sendSpan > 0 ? round(sent / Math.max(sendSpan, 1e-3)) : sent,
    includedTxPerS: included > 0 && includeSpan > 0 ? round(included / includeSpan) : 0,
    sustainedIncludedTxPerS: sustained,
    latencyMs: percentiles(latencies),
    gasPerTx: Object.fromEntries([...gasByKind].map(([k, g]) => [k, Math.round(g.sum / g.n)])),
    gasPerBlock: percentiles(blockPoints.filter((b) => b.txs > 0).map((b) => b.gasUsed)),
    series,
    blocks: blockPoints,
    errors: submit.errors,
    retries: submit.retries,
    reorgs,
  }
}
