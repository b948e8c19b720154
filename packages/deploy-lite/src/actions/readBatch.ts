import { batchInboxAbi } from '@caldera/contracts'
import { addressSchema, parse } from '@caldera/core'
import type { Address, Chain, Client, Hash, Hex, Transport } from 'viem'
import { decodeFunctionData, keccak256 } from 'viem'
import { getContractEvents, getTransaction, readContract } from 'viem/actions'
import { z } from 'zod'
import { type BatchCodec, BatchDecodeError, decodeBatch } from '../da/codec.js'

export type ReadBatchReturnType = {
  index: bigint
  poster: Address
  /** Transaction that carried the batch. */
  hash: Hash
  codec: BatchCodec
  /** keccak256 of the batch, as stored by the inbox. */
  batchHash: Hex
  /** The signed transactions of the batch. */
  transactions: Hex[]
}

/**
 * Reads batch `index` back from a `BatchInbox`: finds its `BatchPosted` event, fetches the
 * calldata of the transaction that posted it, checks it against the stored hash, then
 * decompresses and decodes the signed transactions.
 *
 * @example
 * import { readBatch } from '@caldera/deploy-lite'
 * const { transactions } = await readBatch(publicClient, { inbox, index: 0n })
 */
export async function readBatch(
  client: Client<Transport, Chain | undefined>,
  parameters: { inbox: Address; index: bigint; fromBlock?: bigint },
): Promise<ReadBatchReturnType> {
  const { inbox, index } = parse(
    z.object({
      inbox: addressSchema,
      index: z.bigint().nonnegative(),
      fromBlock: z.bigint().nonnegative().optional(),
    }),
    parameters,
    'batch reference',
  )
  const [stored, events] = await Promise.all([
    readContract(client, { address: inbox, abi: batchInboxAbi, functionName: 'batchHash', args: [index] }),
    getContractEvents(client, {
      address: inbox,
      abi: batchInboxAbi,
      eventName: 'BatchPosted',
      args: { index },
      fromBlock: parameters.fromBlock ?? 0n,
      strict: true,
    }),
  ])
  const event = events[0]
  if (!event) throw new BatchDecodeError(`Inbox ${inbox} has no batch ${index}.`)
  const transaction = await getTransaction(client, { hash: event.transactionHash })
  let batch: Hex
  try {
    const call = decodeFunctionData({ abi: batchInboxAbi, data: transaction.input })
    if (call.functionName !== 'postBatch') throw new Error(`called ${call.functionName}`)
    batch = call.args[0]
  } catch (cause) {
    throw new BatchDecodeError(`Batch ${index} was not posted by a direct postBatch call.`, { cause })
  }
  const batchHash = keccak256(batch)
  if (batchHash !== stored || batchHash !== event.args.hash)
    throw new BatchDecodeError(
      `Batch ${index}: calldata hash ${batchHash} differs from the stored hash ${stored}.`,
    )
  const { codec, transactions } = decodeBatch({ batch })
  return { index, poster: event.args.poster, hash: event.transactionHash, codec, batchHash, transactions }
}
