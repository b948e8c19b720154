import { RpcRequestError } from '../errors/sandbox.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { nowMs, sleep } from '../load/clock.js'
import { rpcBatch, rpcCall } from '../rpc/jsonRpc.js'

/** A block as the tracker saw it. */
export type TrackedBlock = {
  number: number
  hash: string
  parentHash: string
  /** Block timestamp (seconds). */
  timestamp: number
  /** Wall-clock ms at which the tracker first saw the block. */
  observedAt: number
  gasUsed: bigint
  gasLimit: bigint
  baseFeePerGas: bigint
  txHashes: string[]
  /** Gas used per transaction hash, when receipts were fetched. */
  gasByTx?: Map<string, { gasUsed: bigint; success: boolean }>
}

export type BlockTracker = {
  /** Canonical blocks seen so far, by number (a reorg replaces them). */
  readonly blocks: Map<number, TrackedBlock>
  /** Reorgs seen: depth and the wall-clock ms they were noticed. */
  readonly reorgs: { depth: number; at: number }[]
  /** Polls until the last block seen has this number or more, or the timeout passes. */
  waitForBlock(number: number, timeoutMs: number): Promise<boolean>
  /** Stops polling. */
  stop(): Promise<void>
}

type RawBlock = {
  number: string
  hash: string
  parentHash: string
  timestamp: string
  gasUsed: string
  gasLimit: string
  baseFeePerGas?: string
  transactions: string[]
}
type RawReceipt = { transactionHash: string; gasUsed: string; status: string }

/**
 * Follows a chain's blocks by polling (every `intervalMs`, default 50 ms): each new block is
 * read with its transaction hashes (and its receipts when `receipts` is set, via
 * `eth_getBlockReceipts`), stamped with the wall-clock time it was seen, and handed to `onBlock`.
 * A block whose parent is not the block seen at the height below is a reorg: the tracker walks
 * back, re-reads the replaced blocks and records the depth.
 *
 * @example
 * import { trackBlocks } from '@caldera/sandbox'
 * const tracker = trackBlocks({ rpcUrl, onBlock: (b) => console.log(b.number, b.txHashes.length) })
 * await tracker.stop()
 */
export function trackBlocks(options: {
  rpcUrl: string
  intervalMs?: number
  receipts?: boolean
  /** First block to read (default: the next block after the current head). */
  fromBlock?: number
  onBlock?: (block: TrackedBlock) => void
}): BlockTracker {
  check(inputSchemas.trackBlocks, options, 'trackBlocks options')
  const { rpcUrl, intervalMs = 50, receipts = false, fromBlock, onBlock } = options
  const blocks = new Map<number, TrackedBlock>()
  const reorgs: { depth: number; at: number }[] = []
  const controller = new AbortController()
  let head = -1

  const read = async (n: number): Promise<TrackedBlock | undefined> => {
    const hex = `0x${n.toString(16)}`
    const calls = [{ method: 'eth_getBlockByNumber', params: [hex, false] }]
    if (receipts) calls.push({ method: 'eth_getBlockReceipts', params: [hex] })
    const [b, r] = await rpcBatch({ url: rpcUrl, calls, timeoutMs: 5_000 })
    const raw = b?.result as RawBlock | null | undefined
    if (!raw) return undefined
    const block: TrackedBlock = {
      number: Number(raw.number),
      hash: raw.hash,
      parentHash: raw.parentHash,
      timestamp: Number(raw.timestamp),
      observedAt: nowMs(),
      gasUsed: BigInt(raw.gasUsed),
      gasLimit: BigInt(raw.gasLimit),
      baseFeePerGas: BigInt(raw.baseFeePerGas ?? 0),
      txHashes: raw.transactions,
    }
    const list = r?.result as RawReceipt[] | null | undefined
    if (list) {
      block.gasByTx = new Map(
        list.map((x) => [x.transactionHash, { gasUsed: BigInt(x.gasUsed), success: x.status === '0x1' }]),
      )
    }
    return block
  }

  const poll = async () => {
    if (fromBlock === undefined) {
      for (;;) {
        try {
          head = Number(await rpcCall<string>({ url: rpcUrl, method: 'eth_blockNumber', params: [] }))
          break
        } catch (error) {
          if (!(error instanceof RpcRequestError) || controller.signal.aborted) throw error
          await sleep(intervalMs, controller.signal)
        }
      }
    } else head = fromBlock - 1
  }
  const ready = poll()

  const loop = async () => {
    await ready
    while (!controller.signal.aborted) {
      try {
        const latest = Number(await rpcCall<string>({ url: rpcUrl, method: 'eth_blockNumber', params: [] }))
        if (latest < head) {
          // The chain went back (a reorg to a shorter chain): re-read from the fork point.
          head = latest - 1
        }
        while (head < latest && !controller.signal.aborted) {
          const n = head + 1
          const block = await read(n)
          if (!block) break
          const below = blocks.get(n - 1)
          if (below && below.hash !== block.parentHash) {
            // Reorg: walk back to the first block whose hash still matches.
            let depth = 0
            let m = n - 1
            while (m >= 0 && blocks.has(m)) {
              const current = await read(m)
              if (current && current.hash === blocks.get(m)!.hash) break
              blocks.delete(m)
              depth++
              m--
            }
            reorgs.push({ depth, at: nowMs() })
            head = m
            continue
          }
          blocks.set(n, block)
          head = n
          onBlock?.(block)
        }
      } catch (error) {
        if (!(error instanceof RpcRequestError)) throw error
      }
      await sleep(intervalMs, controller.signal)
    }
  }
  const running = loop()

  return {
    blocks,
    reorgs,
    async waitForBlock(number, timeoutMs) {
      const deadline = nowMs() + timeoutMs
      while (head < number && nowMs() < deadline && !controller.signal.aborted) await sleep(intervalMs)
      return head >= number
    },
    async stop() {
      controller.abort()
      await running
    },
  }
}
