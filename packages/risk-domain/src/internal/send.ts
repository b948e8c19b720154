import { CalderaError } from '@caldera/core'
import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  Hash,
  Hex,
  TransactionReceipt,
} from 'viem'
import { sendTransaction, simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import type { WriteClient } from './client.js'

/** Thrown when a transaction is mined but reverted. */
export class TransactionRevertedError extends CalderaError {
  override name = 'TransactionRevertedError'
  constructor(hash: Hash, what: string) {
    super(`${what} reverted in transaction ${hash}.`, {
      hint: 'Replay it with eth_call to see the revert reason.',
    })
  }
}

/**
 * Simulates a contract call (so a revert is decoded before anything is sent), sends it and
 * waits for the receipt.
 */
export async function writeAndWait<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  client: WriteClient,
  parameters: {
    address: Address
    abi: abi
    functionName: functionName
    args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
    gas?: bigint
    simulate?: boolean
  },
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const { simulate = true, ...call } = parameters
  const base = { ...call, account: client.account, chain: client.chain } as never
  if (simulate) await simulateContract(client, base)
  const hash = await writeContract(client, base)
  const receipt = await waitForTransactionReceipt(client, { hash })
  if (receipt.status !== 'success') throw new TransactionRevertedError(hash, String(parameters.functionName))
  return { hash, receipt }
}

/** Deploys raw creation code and returns the new contract's address. */
export async function deployCode(client: WriteClient, data: Hex): Promise<Address> {
  const hash = await sendTransaction(client, { account: client.account, chain: client.chain, data } as never)
  const receipt = await waitForTransactionReceipt(client, { hash })
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new TransactionRevertedError(hash, 'Deployment')
  return receipt.contractAddress
}
