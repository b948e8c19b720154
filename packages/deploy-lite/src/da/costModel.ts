import { type Hex, hexToBytes } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'

/** Intrinsic gas of a transaction. */
export const txBaseGas = 21_000n
/** EIP-7623 standard cost per calldata token (a zero byte is 1 token, a non-zero byte 4). */
export const standardTokenCost = 4n
/** EIP-7623 floor cost per calldata token. */
export const totalCostFloorPerToken = 10n
/** EIP-4844 blob gas per blob (2^17). */
export const gasPerBlob = 131_072n
/** EIP-7918 `BLOB_BASE_COST` (2^13): a blob costs at least this many units of execution base fee. */
export const blobBaseCost = 8_192n
/** Bytes a blob carries with the simple encoding of 31 bytes per 32-byte field element (4096 × 31). */
export const blobUsableBytes = 126_976

function bytesOf(data: Hex | Uint8Array): Uint8Array {
  return typeof data === 'string' ? hexToBytes(data) : data
}

/** Gas of a transaction carrying `data` as calldata. */
export type CalldataGas = {
  /** Calldata tokens: zero bytes + 4 × non-zero bytes. */
  tokens: bigint
  /** 21,000 + 4 × tokens + execution gas. */
  standardGas: bigint
  /** 21,000 + 10 × tokens (EIP-7623 floor). */
  floorGas: bigint
  /** What the transaction is charged: the larger of the two. */
  gas: bigint
}

/**
 * Gas a transaction with this calldata is charged under EIP-7623 (Prague): the standard cost
 * (4 gas per token plus execution) or the data floor (10 gas per token), whichever is larger.
 * A transaction posting to an address without code has no execution gas.
 *
 * @example
 * import { calldataGas } from '@caldera/deploy-lite'
 * calldataGas({ data: '0x0001' }).gas // 21000n + 10n * 5n = 21050n
 */
export function calldataGas(parameters: { data: Hex | Uint8Array; executionGas?: bigint }): CalldataGas {
  check(inputSchemas.calldataGas, parameters, 'calldataGas parameters')
  const bytes = bytesOf(parameters.data)
  let zeros = 0n
  for (const b of bytes) if (b === 0) zeros++
  const tokens = zeros + 4n * (BigInt(bytes.length) - zeros)
  const standardGas = txBaseGas + standardTokenCost * tokens + (parameters.executionGas ?? 0n)
  const floorGas = txBaseGas + totalCostFloorPerToken * tokens
  return { tokens, standardGas, floorGas, gas: standardGas > floorGas ? standardGas : floorGas }
}

/** Fee inputs of the DA cost model, in wei. */
export type DaPrices = {
  /** Execution base fee per gas. */
  baseFee: bigint
  /** Priority fee per gas paid on top. */
  priorityFee: bigint
  /** Blob base fee per blob gas (market price, before the EIP-7918 reserve). */
  blobBaseFee: bigint
}

/** Cost of posting one batch one way. */
export type PostingCost = {
  /** Bytes posted. */
  size: number
  /** Execution gas of the carrier transaction. */
  gas: bigint
  /** Blobs used (0 for calldata). */
  blobs: number
  /** Blob fee paid, in wei. */
  blobFeeWei: bigint
  /** Total in wei (execution + blob or alt-DA fees). */
  costWei: bigint
}

/**
 * Cost of posting `data` as calldata (EIP-7623 floor applied).
 *
 * @example
 * import { calldataPostingCost } from '@caldera/deploy-lite'
 * const { costWei } = calldataPostingCost({ data: batch, prices: { baseFee: 5n * 10n ** 9n, priorityFee: 10n ** 9n, blobBaseFee: 1n } })
 */
export function calldataPostingCost(parameters: {
  data: Hex | Uint8Array
  prices: DaPrices
  executionGas?: bigint
}): PostingCost {
  check(inputSchemas.calldataCost, parameters, 'calldata cost parameters')
  const bytes = bytesOf(parameters.data)
  const { gas } = calldataGas({
    data: bytes,
    ...(parameters.executionGas !== undefined && { executionGas: parameters.executionGas }),
  })
  const { baseFee, priorityFee } = parameters.prices
  return { size: bytes.length, gas, blobs: 0, blobFeeWei: 0n, costWei: gas * (baseFee + priorityFee) }
}

/**
 * The blob base fee the model charges: the market blob base fee, floored at the EIP-7918 reserve
 * price `baseFee × BLOB_BASE_COST / GAS_PER_BLOB` (a blob costs at least 2^13 gas of execution
 * base fee). EIP-7918 enforces the reserve through the fee update: while the blob fee is below
 * it, excess blob gas only grows, so the fee rises to the reserve within blocks. The model uses
 * that steady state; a single block may still price blobs lower.
 *
 * @example
 * effectiveBlobBaseFee({ baseFee: 16_000_000_000n, blobBaseFee: 1n }) // 1_000_000_000n
 */
export function effectiveBlobBaseFee(prices: Pick<DaPrices, 'baseFee' | 'blobBaseFee'>): bigint {
  check(inputSchemas.blobBaseFee, prices, 'prices')
  const reserve = (prices.baseFee * blobBaseCost + gasPerBlob - 1n) / gasPerBlob
  return prices.blobBaseFee > reserve ? prices.blobBaseFee : reserve
}

/**
 * Cost of posting `size` bytes in blobs (EIP-4844) with the EIP-7918 reserve price: whole
 * blobs of 131,072 blob gas, plus a carrier transaction of 21,000 gas (+ `executionGas`).
 *
 * @example
 * import { blobPostingCost } from '@caldera/deploy-lite'
 * const { blobs, costWei } = blobPostingCost({ size: 200_000, prices })
 */
export function blobPostingCost(parameters: {
  size: number
  prices: DaPrices
  executionGas?: bigint
  usableBytesPerBlob?: number
}): PostingCost {
  check(inputSchemas.blobCost, parameters, 'blob cost parameters')
  const per = parameters.usableBytesPerBlob ?? blobUsableBytes
  const blobs = Math.max(1, Math.ceil(parameters.size / per))
  const blobFeeWei = BigInt(blobs) * gasPerBlob * effectiveBlobBaseFee(parameters.prices)
  const gas = txBaseGas + (parameters.executionGas ?? 0n)
  const { baseFee, priorityFee } = parameters.prices
  return {
    size: parameters.size,
    gas,
    blobs,
    blobFeeWei,
    costWei: gas * (baseFee + priorityFee) + blobFeeWei,
  }
}

/** An alternative data-availability layer's price. */
export type AltDaPrice = {
  name: string
  /** Price per byte stored, in wei (convert the layer's own token price to wei first). */
  weiPerByte: bigint
  /** Fixed fee per submission, in wei. */
  fixedWei?: bigint
  /** Bytes of the commitment posted to L1 as calldata (default 32 + 1 version byte). */
  commitmentBytes?: number
}

/**
 * Cost of posting `size` bytes to an alt-DA layer and its commitment to L1 as calldata.
 *
 * @example
 * import { altDaPostingCost } from '@caldera/deploy-lite'
 * altDaPostingCost({ size: 50_000, altDa: { name: 'celestia-like', weiPerByte: 2_000_000n }, prices })
 */
export function altDaPostingCost(parameters: {
  size: number
  altDa: AltDaPrice
  prices: DaPrices
}): PostingCost {
  check(inputSchemas.altDaCost, parameters, 'alt-DA cost parameters')
  const { altDa, prices } = parameters
  const commitment = new Uint8Array(altDa.commitmentBytes ?? 33).fill(0xab)
  const l1 = calldataPostingCost({ data: commitment, prices })
  const daFee = BigInt(parameters.size) * altDa.weiPerByte + (altDa.fixedWei ?? 0n)
  return { size: parameters.size, gas: l1.gas, blobs: 0, blobFeeWei: 0n, costWei: l1.costWei + daFee }
}
