import { batchInboxAbi } from '@caldera/contracts'
import { addressSchema, hexSchema, parse } from '@caldera/core'
import type { Account, Address, Chain, Client, Hash, Hex, Transport } from 'viem'
import { encodeFunctionData, keccak256, parseEventLogs } from 'viem'
import { estimateGas, sendTransaction, waitForTransactionReceipt } from 'viem/actions'
import { z } from 'zod'
import { maxTransactionGas } from '../config/deployConfig.js'
import { type BatchCodec, encodeBatch } from '../da/codec.js'
import { calldataGas } from '../da/costModel.js'
import { DeploymentRevertedError, GasCapExceededError } from '../errors/deploy.js'

const postBatchSchema = z.object({
  inbox: addressSchema,
  transactions: z.array(hexSchema).min(1),
  codec: z.enum(['none', 'zlib', 'brotli']),
})

export type PostBatchParameters = {
  /** The domain's `BatchInbox`. */
  inbox: Address
  /** Raw signed transactions. */
  transactions: readonly Hex[]
  codec: BatchCodec
}
export type PostBatchReturnType = { hash: Hash; index: bigint; batchHash: Hex; size: number; gasUsed: bigint }

/**
 * Encodes and compresses a batch of signed transactions and posts it to a `BatchInbox` as
 * calldata. A batch whose transaction would exceed the EIP-7825 cap is refused before sending.
 *
 * @example
 * import { postBatch } from '@caldera/deploy-lite'
 * const { index, size } = await postBatch(walletClient, { inbox, transactions, codec: 'brotli' })
 */
export async function postBatch(
  client: Client<Transport, Chain | undefined, Account>,
  parameters: PostBatchParameters,
): Promise<PostBatchReturnType> {
  parse(postBatchSchema, parameters, 'batch')
  const batch = encodeBatch({ transactions: parameters.transactions, codec: parameters.codec })
  const data = encodeFunctionData({ abi: batchInboxAbi, functionName: 'postBatch', args: [batch] })
  const label = `post ${parameters.codec} batch of ${parameters.transactions.length} transactions`
  const floor = calldataGas({ data }).floorGas
  if (floor > maxTransactionGas)
    throw new GasCapExceededError({ step: label, gas: floor, cap: maxTransactionGas })
  const gas = await estimateGas(client, { account: client.account, to: parameters.inbox, data })
  if (gas > maxTransactionGas) throw new GasCapExceededError({ step: label, gas, cap: maxTransactionGas })
  const hash = await sendTransaction(client, {
    account: client.account,
    chain: client.chain ?? null,
    to: parameters.inbox,
    data,
    gas,
  })
  const receipt = await waitForTransactionReceipt(client, { hash })
  if (receipt.status !== 'success') throw new DeploymentRevertedError({ step: label, hash })
  const [event] = parseEventLogs({ abi: batchInboxAbi, eventName: 'BatchPosted', logs: receipt.logs })
  if (!event) throw new DeploymentRevertedError({ step: `${label}: no BatchPosted event`, hash })
  return {
    hash,
    index: event.args.index,
    batchHash: keccak256(batch),
    size: (batch.length - 2) / 2,
    gasUsed: receipt.gasUsed,
  }
}
