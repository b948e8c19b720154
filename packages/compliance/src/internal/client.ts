import type { Abi, Account, Address, Chain, Client, Hash, Hex, TransactionReceipt, Transport } from 'viem'
import { sendTransaction, simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { ComplianceError } from '../errors/compliance.js'

/** A client that can sign and send transactions (a wallet client with an account). */
export type WriteClient = Client<Transport, Chain | undefined, Account>
/** A client that can read the chain. */
export type ReadClient = Client<Transport, Chain | undefined>

/** A transaction was mined but reverted. */
export class SettlementTransactionError extends ComplianceError {
  override name = 'SettlementTransactionError'
}

/** Simulates a call (so a revert is decoded before sending), sends it and waits for the receipt. */
export async function writeAndWait(
  client: WriteClient,
  parameters: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const call = { ...parameters, account: client.account, chain: client.chain } as never
  await simulateContract(client, call)
  const hash = await writeContract(client, call)
  const receipt = await waitForTransactionReceipt(client, { hash, pollingInterval: 20 })
  if (receipt.status !== 'success')
    throw new SettlementTransactionError(`${parameters.functionName} reverted in transaction ${hash}.`)
  return { hash, receipt }
}

/** Deploys creation code and returns the new contract's address. */
export async function deployCode(client: WriteClient, data: Hex): Promise<Address> {
  const hash = await sendTransaction(client, { account: client.account, chain: client.chain, data } as never)
  const receipt = await waitForTransactionReceipt(client, { hash, pollingInterval: 20 })
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new SettlementTransactionError(`Deployment reverted in transaction ${hash}.`)
  return receipt.contractAddress
}
