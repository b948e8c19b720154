import { brotliCompressSync, brotliDecompressSync, constants, deflateSync, inflateSync } from 'node:zlib'
import { CalderaError } from '@caldera/core'
import { fromRlp, type Hex, hexToBytes, toHex, toRlp } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'

/** How a batch payload is compressed; the first byte of a batch (0, 1, 2). */
export type BatchCodec = 'none' | 'zlib' | 'brotli'
const codecIds: Record<BatchCodec, number> = { none: 0, zlib: 1, brotli: 2 }
const codecNames: readonly BatchCodec[] = ['none', 'zlib', 'brotli']

/** A batch that cannot be decoded. */
export class BatchDecodeError extends CalderaError {
  override name = 'BatchDecodeError'
}

/**
 * Compresses bytes with a codec (zlib level 9, brotli quality 11 with a 16 MiB window).
 *
 * @example
 * const small = compress({ data: new TextEncoder().encode('aaaaaaaaaa'), codec: 'brotli' })
 */
export function compress(parameters: { data: Uint8Array; codec: BatchCodec }): Uint8Array {
  check(inputSchemas.compress, parameters, 'compress parameters')
  const { data, codec } = parameters
  if (codec === 'zlib') return new Uint8Array(deflateSync(data, { level: 9 }))
  if (codec === 'brotli')
    return new Uint8Array(
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_LGWIN]: 24,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    )
  return data
}

function decompress(data: Uint8Array, codec: BatchCodec): Uint8Array {
  if (codec === 'zlib') return new Uint8Array(inflateSync(data))
  if (codec === 'brotli') return new Uint8Array(brotliDecompressSync(data))
  return data
}

/**
 * Encodes signed transactions as a batch for the `BatchInbox`: one codec byte followed by the
 * (compressed) RLP list of the raw signed transactions.
 *
 * @example
 * import { encodeBatch, decodeBatch } from '@caldera/deploy-lite'
 * const batch = encodeBatch({ transactions: signed, codec: 'brotli' })
 * decodeBatch({ batch }).transactions // === signed
 */
export function encodeBatch(parameters: { transactions: readonly Hex[]; codec: BatchCodec }): Hex {
  check(inputSchemas.encodeBatch, parameters, 'encodeBatch parameters')
  const payload = compress({ data: hexToBytes(toRlp([...parameters.transactions])), codec: parameters.codec })
  const out = new Uint8Array(payload.length + 1)
  out[0] = codecIds[parameters.codec]
  out.set(payload, 1)
  return toHex(out)
}

/**
 * Decodes a batch made by {@link encodeBatch} back into its signed transactions.
 *
 * @example
 * const { codec, transactions } = decodeBatch({ batch })
 */
export function decodeBatch(parameters: { batch: Hex }): { codec: BatchCodec; transactions: Hex[] } {
  check(inputSchemas.batch, parameters, 'decodeBatch parameters')
  const bytes = hexToBytes(parameters.batch)
  const codec = codecNames[bytes[0] ?? 255]
  if (!codec || bytes.length < 2)
    throw new BatchDecodeError(
      `Not a batch: codec byte ${bytes[0] ?? '(none)'} of a ${bytes.length}-byte input.`,
      {
        hint: 'A batch starts with 0 (raw), 1 (zlib) or 2 (brotli) and has a payload.',
      },
    )
  let list: unknown
  try {
    list = fromRlp(decompress(bytes.subarray(1), codec), 'hex')
  } catch (cause) {
    throw new BatchDecodeError(`The ${codec} batch payload does not decode to an RLP list.`, { cause })
  }
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))
    throw new BatchDecodeError('The batch payload is not a flat RLP list of transactions.')
  return { codec, transactions: list as Hex[] }
}
