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
      /** Bound on each RPC call, so an unreachable chain fails fast and can be retried (default 1,500 ms). */
      rpcTimeoutMs?: number
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
  }): Promise<Hash> {
    try {
      return await this.sendOnce(parameters)
    } catch (error) {
      // Another sender used this account: resynchronize the nonce and try again at once.
      if (!/nonce/i.test(error instanceof Error ? error.message : String(error))) throw error
      return this.sendOnce(parameters)
    }
  }

  private async sendOnce(parameters: {
    address: Address
    abi: Abi
    functionName: string
    args: readonly unknown[]
  }) {
    const { client } = this
    const bound = this.options.rpcTimeoutMs ?? 1_500
    try {
      this.nonce ??= await withTimeout(
        getTransactionCount(client, { address: client.account.address, blockTag: 'pending' }),
        bound,
      )
      const data = encodeFunctionData(parameters as never)
      const hash = await withTimeout(
        sendTransaction(client, {
          account: client.account,
          chain: client.chain,
          to: parameters.address,
          data,
          nonce: this.nonce,
          gas: this.options.gas ?? 300_000n,
          maxFeePerGas: this.options.maxFeePerGas ?? 50_000_000_000n,
          maxPriorityFeePerGas: this.options.maxPriorityFeePerGas ?? 1_000_000_000n,
        } as never),
        bound,
      )
      this.nonce++
      const deadline = Date.now() + (this.options.receiptTimeoutMs ?? 30_000)
      for (;;) {
        const receipt = await withTimeout(getTransactionReceipt(client, { hash }), bound).catch(
          () => undefined,
        )
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

/** Rejects when `promise` has not settled within `ms`. */
function withTimeout<value>(promise: Promise<value>, ms: number): Promise<value> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`RPC call timed out after ${ms} ms.`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
