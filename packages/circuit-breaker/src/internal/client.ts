import { CalderaError } from '@caldera/core'
import type { Abi, Account, Address, Chain, Client, Hash, Hex, TransactionReceipt, Transport } from 'viem'
import {
  estimateContractGas,
  call as ethCall,
  getTransaction,
  sendTransaction,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'

/** A client that can sign and send transactions (a wallet client with an account). */
export type WriteClient = Client<Transport, Chain | undefined, Account>
/** A client that can read the chain. */
export type ReadClient = Client<Transport, Chain | undefined>

/** A transaction was mined but reverted. */
export class TransactionRevertedError extends CalderaError {
  override name = 'TransactionRevertedError'
  constructor(hash: Hash, what: string, options: { details?: string } = {}) {
    super(`${what} reverted in transaction ${hash}.`, {
      hint: 'Replay it with eth_call to see the revert reason.',
      ...options,
    })
  }
}

/**
 * Gas headroom over the estimate. The guard's cost depends on the block the transaction lands in
 * (a rolling window or token bucket crossing into a new period writes fresh storage slots), so an
 * estimate taken one block earlier can fall short inside the token's sub-call.
 */
function withHeadroom(estimate: bigint): bigint {
  return (estimate * 13n) / 10n + 50_000n
}

/** Simulates a call (so a revert is decoded before sending), sends it and waits for the receipt. */
export async function writeAndWait(
  client: WriteClient,
  parameters: { address: Address; abi: Abi; functionName: string; args: readonly unknown[]; gas?: bigint },
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const base = { ...parameters, account: client.account, chain: client.chain } as never
  await simulateContract(client, base)
  const gas = parameters.gas ?? withHeadroom(await estimateContractGas(client, base))
  const call = { ...parameters, gas, account: client.account, chain: client.chain } as never
  const hash = await writeContract(client, call)
  const receipt = await waitForTransactionReceipt(client, { hash, pollingInterval: 20 })
  if (receipt.status !== 'success') {
    const tx = await getTransaction(client, { hash }).catch(() => undefined)
    const reason = await ethCall(client, {
      account: client.account,
      to: parameters.address,
      data: tx?.input,
      blockNumber: receipt.blockNumber - 1n,
    }).then(
      () => 'a replay on the previous block succeeds',
      (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e)),
    )
    throw new TransactionRevertedError(hash, parameters.functionName, {
      details: `gas used ${receipt.gasUsed} of ${tx?.gas ?? '?'} in block ${receipt.blockNumber}; ${reason}`,
    })
  }
  return { hash, receipt }
}

/** Deploys raw creation code and returns the new contract's address. */
export async function deployCode(client: WriteClient, data: Hex): Promise<Address> {
  const hash = await sendTransaction(client, { account: client.account, chain: client.chain, data } as never)
  const receipt = await waitForTransactionReceipt(client, { hash, pollingInterval: 20 })
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new TransactionRevertedError(hash, 'Deployment')
  return receipt.contractAddress
}
