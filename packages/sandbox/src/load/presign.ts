import { type Hex, keccak256, serializeTransaction } from 'viem'
import { sign } from 'viem/accounts'
import { check, inputSchemas } from '../internal/inputs.js'
import type { LoadAccount } from './accounts.js'
import type { TxIntent } from './profiles.js'

/** A transaction signed locally, ready for `eth_sendRawTransaction`. */
export type SignedTx = {
  readonly raw: Hex
  readonly hash: Hex
  readonly nonce: number
  readonly intent: TxIntent
  /** Planned send time, ms from the start of the load. */
  readonly at: number
}

export type PresignParameters = {
  chainId: number
  /** The intents, in send order, with their planned send times. */
  intents: readonly { intent: TxIntent; at: number }[]
  /** Sending accounts, indexed by `intent.sender`. */
  accounts: readonly LoadAccount[]
  /** Next nonce of each account (defaults to 0 for all: fresh accounts). */
  nonces?: readonly number[]
  maxFeePerGas: bigint
  maxPriorityFeePerGas: bigint
  /** Called every 1,000 signatures (progress). */
  onProgress?: (signed: number) => void
}

/**
 * Signs every intent locally (EIP-1559, explicit gas and fees, nonces counted here), so the
 * load is sent without one RPC per transaction. Nonces follow send order per account.
 *
 * @example
 * import { presignTransactions } from '@caldera/sandbox'
 * const txs = await presignTransactions({ chainId, intents, accounts, maxFeePerGas: 50_000_000_000n, maxPriorityFeePerGas: 1n })
 */
export async function presignTransactions(parameters: PresignParameters): Promise<SignedTx[]> {
  check(inputSchemas.presign, parameters, 'presignTransactions parameters')
  const { chainId, intents, accounts, maxFeePerGas, maxPriorityFeePerGas } = parameters
  const nonces = accounts.map((_, i) => parameters.nonces?.[i] ?? 0)
  const out: SignedTx[] = new Array(intents.length)
  for (let i = 0; i < intents.length; i++) {
    const { intent, at } = intents[i]!
    const account = accounts[intent.sender]!
    const nonce = nonces[intent.sender]!
    nonces[intent.sender] = nonce + 1
    const tx = {
      chainId,
      type: 'eip1559' as const,
      nonce,
      to: intent.to,
      data: intent.data,
      value: intent.value,
      gas: intent.gas,
      maxFeePerGas,
      maxPriorityFeePerGas,
    }
    const signature = await sign({
      hash: keccak256(serializeTransaction(tx)),
      privateKey: account.privateKey,
    })
    const raw = serializeTransaction(tx, signature)
    out[i] = { raw, hash: keccak256(raw), nonce, intent, at }
    if ((i + 1) % 1_000 === 0) parameters.onProgress?.(i + 1)
    // Let other work (a deployment, a relayer) run between chunks of signatures.
    if ((i + 1) % 100 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  return out
}
