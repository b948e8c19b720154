import type { Abi, Address, Client, Hash, Hex } from 'viem'
import { encodeFunctionData } from 'viem'
import {
  getChainId,
  getTransactionCount,
  getTransactionReceipt,
  sendRawTransaction,
  sendTransaction,
} from 'viem/actions'
import { TransactionRevertedError, type WriteClient } from './client.js'
import { withTimeout } from './withTimeout.js'

/** A contract call a {@link ChainSender} sends. */
export type SenderCall = { address: Address; abi: Abi; functionName: string; args: readonly unknown[] }

/**
 * Sends transactions on one chain with the least latency: nonce tracked locally, gas and fees
 * given explicitly (no estimation round trips), receipts polled every few milliseconds. Sends
 * are serialized so nonces stay in order; a failed send resynchronizes the nonce.
 *
 * Standby calls (`standby`) are kept signed for the next nonce, so sending one is a single
 * `eth_sendRawTransaction` with no signing on the critical path (local accounts only).
 */
export class ChainSender {
  private nonce: number | undefined
  /**
   * Bumped by every change a send makes to `nonce`. A background presign that fetched the
   * account's transaction count sets `nonce` only when no send changed it meanwhile: its count
   * may already include a transaction whose send has not returned yet, and adopting it would
   * make that send's increment skip a nonce (a gap no later transaction could be mined past).
   */
  private nonceVersion = 0
  private chainId: number | undefined
  private tail: Promise<unknown> = Promise.resolve()
  private readonly standbyCalls = new Map<string, SenderCall>()
  private readonly signed = new Map<string, { nonce: number; raw: Hex }>()
  private signing: Promise<void> | undefined

  constructor(
    readonly client: WriteClient,
    readonly options: {
      gas?: bigint
      maxFeePerGas?: bigint
      maxPriorityFeePerGas?: bigint
      /** Bound on each RPC call, so an unreachable chain fails fast and can be retried (default 1,500 ms). */
      rpcTimeoutMs?: number
      receiptTimeoutMs?: number
      /** Client for raw sends, nonces and receipts (e.g. an open WebSocket); default `client`. */
      rpc?: Client
    } = {},
  ) {}

  /** Keeps `call` signed for the next nonce under `key` (re-signed after every send). */
  async standby(key: string, call: SenderCall): Promise<void> {
    this.standbyCalls.set(key, call)
    await this.presign()
  }

  /** Sends a contract call and resolves with its hash once it is mined successfully. */
  call(parameters: SenderCall, key?: string): Promise<Hash> {
    const run = this.tail.then(
      () => this.send(parameters, key),
      () => this.send(parameters, key),
    )
    this.tail = run.catch(() => undefined)
    return run
  }

  private async send(parameters: SenderCall, key: string | undefined): Promise<Hash> {
    try {
      return await this.sendOnce(parameters, key)
    } catch (error) {
      // Another sender used this account: resynchronize the nonce and try again at once.
      if (!/nonce/i.test(error instanceof Error ? error.message : String(error))) throw error
      return this.sendOnce(parameters, undefined)
    } finally {
      if (this.standbyCalls.size > 0) setTimeout(() => void this.presign().catch(() => undefined), 0)
    }
  }

  private tx(parameters: SenderCall, nonce: number) {
    return {
      to: parameters.address,
      data: encodeFunctionData(parameters as never),
      nonce,
      gas: this.options.gas ?? 300_000n,
      maxFeePerGas: this.options.maxFeePerGas ?? 50_000_000_000n,
      maxPriorityFeePerGas: this.options.maxPriorityFeePerGas ?? 1_000_000_000n,
    }
  }

  private async presign(): Promise<void> {
    const account = this.client.account
    if (account.type !== 'local' || !account.signTransaction) return
    if (this.signing) return this.signing
    this.signing = (async () => {
      const bound = this.options.rpcTimeoutMs ?? 1_500
      if (this.nonce === undefined) {
        const version = this.nonceVersion
        const count = await withTimeout(this.transactionCount(), bound)
        // A send changed the nonce meanwhile: it knows better; sign at the next send's end.
        if (this.nonceVersion !== version || this.nonce !== undefined) return
        this.setNonce(count)
      }
      this.chainId ??= this.client.chain?.id ?? (await withTimeout(getChainId(this.client), bound))
      const nonce = this.nonce
      if (nonce === undefined) return
      for (const [key, call] of this.standbyCalls) {
        if (this.signed.get(key)?.nonce === nonce) continue
        const raw = await account.signTransaction!({
          ...this.tx(call, nonce),
          chainId: this.chainId,
          type: 'eip1559',
        })
        this.signed.set(key, { nonce, raw })
      }
    })().finally(() => {
      this.signing = undefined
    })
    return this.signing
  }

  private async sendOnce(parameters: SenderCall, key: string | undefined): Promise<Hash> {
    const { client } = this
    const rpc = this.options.rpc ?? client
    const bound = this.options.rpcTimeoutMs ?? 1_500
    try {
      // Sends are serialized: from here until this send returns, only this send changes `nonce`.
      const nonce = this.nonce ?? this.setNonce(await withTimeout(this.transactionCount(), bound))
      const ready = key === undefined ? undefined : this.signed.get(key)
      const hash =
        ready && ready.nonce === nonce
          ? await withTimeout(sendRawTransaction(rpc, { serializedTransaction: ready.raw }), bound)
          : await withTimeout(
              sendTransaction(client, {
                account: client.account,
                chain: client.chain,
                ...this.tx(parameters, nonce),
              } as never),
              bound,
            )
      this.setNonce(nonce + 1)
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
      this.setNonce(undefined)
      throw error
    }
  }

  private setNonce<value extends number | undefined>(nonce: value): value {
    this.nonce = nonce
    this.nonceVersion++
    return nonce
  }

  /** The account's transaction count including pending transactions (the next nonce to use). */
  private transactionCount(): Promise<number> {
    return getTransactionCount(this.options.rpc ?? this.client, {
      address: this.client.account.address,
      blockTag: 'pending',
    })
  }
}
