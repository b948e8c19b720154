import type { Abi, Address, Hash } from 'viem'
import { encodeFunctionData } from 'viem'
import { getTransactionCount, getTransactionReceipt, sendTransaction } from 'viem/actions'
import { TransactionRevertedError, type WriteClient } from './client.js'

/**
 * Sends transactions on one chain with the least latency: nonce tracked locally, gas and fees
 * given explicitly (no estimation round trips), receipts polled every few milliseconds. Sends
 * are serialized so nonces stay in order; a failed send resynchronizes the nonce.
 */
export class ChainSender {
  private nonce: number | undefined
  private tail: Promise<unknown> = Promise.resolve()

  constructor(
    readonly client: WriteClient,
    readonly options: {
      gas?: bigint
      maxFeePerGas?: bigint
      maxPriorityFeePerGas?: bigint
      receiptTimeoutMs?: number
    } = {},
  ) {}

  /** Sends a contract call and resolves with its hash once it is mined successfully. */
  call(parameters: {
    address: Address
    abi: Abi
    functionName: string
    args: readonly unknown[]
  }): Promise<Hash> {
    const run = this.tail.then(
      () => this.send(parameters),
      () => this.send(parameters),
    )
    this.tail = run.catch(() => undefined)
    return run
  }

  private async send(parameters: {
    address: Address
    abi: Abi
    functionName: string
    args: readonly unknown[]
  }) {
    const { client } = this
    try {
      this.nonce ??= await getTransactionCount(client, {
        address: client.account.address,
        blockTag: 'pending',
      })
      const data = encodeFunctionData(parameters as never)
      const hash = await sendTransaction(client, {
        account: client.account,
        chain: client.chain,
        to: parameters.address,
        data,
        nonce: this.nonce,
        gas: this.options.gas ?? 300_000n,
        maxFeePerGas: this.options.maxFeePerGas ?? 50_000_000_000n,
        maxPriorityFeePerGas: this.options.maxPriorityFeePerGas ?? 1_000_000_000n,
      } as never)
      this.nonce++
      const deadline = Date.now() + (this.options.receiptTimeoutMs ?? 30_000)
      for (;;) {
        const receipt = await getTransactionReceipt(client, { hash }).catch(() => undefined)
        if (receipt) {
          if (receipt.status !== 'success') throw new TransactionRevertedError(hash, parameters.functionName)
          return hash
        }
        if (Date.now() > deadline) throw new Error(`No receipt for ${hash} within the timeout.`)
        await new Promise((r) => setTimeout(r, 3))
      }
    } catch (error) {
      this.nonce = undefined
      throw error
    }
  }
}
