import { type Hex, hexToBytes } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import { type BatchCodec, encodeBatch } from './codec.js'
import {
  type AltDaPrice,
  altDaPostingCost,
  blobPostingCost,
  calldataPostingCost,
  type DaPrices,
  type PostingCost,
} from './costModel.js'

/** One way of posting a batch and what it costs. */
export type DaOption = PostingCost & {
  /** e.g. `calldata/none`, `blob/brotli`, `alt-da:celestia-like/brotli`. */
  name: string
  medium: 'calldata' | 'blob' | 'alt-da'
  codec: BatchCodec
  /** Cost relative to raw calldata. */
  ratioToRawCalldata: number
  /** Cost in USD micro-dollars when `ethUsd` is given, else `null`. */
  costUsd: bigint | null
}

export type CompareDaCostsReturnType = {
  /** Raw batch size (RLP list) and compressed sizes, in bytes. */
  sizes: Record<BatchCodec, number>
  /** Compressed size / raw size per codec. */
  compressionRatio: Record<BatchCodec, number>
  options: DaOption[]
}

/**
 * Prices one batch of signed transactions every way: calldata (raw, zlib, brotli; EIP-7623),
 * blobs (raw, zlib, brotli; EIP-4844 with the EIP-7918 reserve) and any alt-DA layers given,
 * compressing the real batch with `node:zlib`.
 *
 * @example
 * import { compareDaCosts, generateErc20Batch } from '@caldera/deploy-lite'
 * const { transactions } = await generateErc20Batch({ count: 500, senders: 100, token, chainId: 1 })
 * const { options } = compareDaCosts({ transactions, prices: { baseFee: 5n * 10n ** 9n, priorityFee: 10n ** 9n, blobBaseFee: 10n ** 9n } })
 */
export function compareDaCosts(parameters: {
  transactions: readonly Hex[]
  prices: DaPrices
  altDa?: readonly AltDaPrice[]
  /** USD per ETH in micro-dollars. */
  ethUsd?: bigint
}): CompareDaCostsReturnType {
  check(inputSchemas.compareDaCosts, parameters, 'compareDaCosts parameters')
  const { transactions, prices } = parameters
  const codecs: BatchCodec[] = ['none', 'zlib', 'brotli']
  const batches = Object.fromEntries(
    codecs.map((codec) => [codec, hexToBytes(encodeBatch({ transactions, codec }))]),
  ) as Record<BatchCodec, Uint8Array>
  const sizes = Object.fromEntries(codecs.map((c) => [c, batches[c].length])) as Record<BatchCodec, number>
  const compressionRatio = Object.fromEntries(codecs.map((c) => [c, sizes[c] / sizes.none])) as Record<
    BatchCodec,
    number
  >
  const raw = calldataPostingCost({ data: batches.none, prices })
  const usd = (wei: bigint) =>
    parameters.ethUsd === undefined ? null : (wei * parameters.ethUsd) / 10n ** 18n
  const option = (
    name: string,
    medium: DaOption['medium'],
    codec: BatchCodec,
    cost: PostingCost,
  ): DaOption => ({
    ...cost,
    name,
    medium,
    codec,
    ratioToRawCalldata: Number(cost.costWei) / Number(raw.costWei),
    costUsd: usd(cost.costWei),
  })
  const options: DaOption[] = []
  for (const codec of codecs)
    options.push(
      option(`calldata/${codec}`, 'calldata', codec, calldataPostingCost({ data: batches[codec], prices })),
    )
  for (const codec of codecs)
    options.push(option(`blob/${codec}`, 'blob', codec, blobPostingCost({ size: sizes[codec], prices })))
  for (const altDa of parameters.altDa ?? [])
    for (const codec of codecs)
      options.push(
        option(
          `alt-da:${altDa.name}/${codec}`,
          'alt-da',
          codec,
          altDaPostingCost({ size: sizes[codec], altDa, prices }),
        ),
      )
  return { sizes, compressionRatio, options }
}
