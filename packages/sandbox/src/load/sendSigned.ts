import { type Address, type Hex, keccak256, serializeTransaction } from 'viem'
import { sign } from 'viem/accounts'
import { ScenarioError } from '../errors/sandbox.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { rpcBatch } from '../rpc/jsonRpc.js'
import type { LoadAccount } from './accounts.js'
import { nowMs, sleep } from './clock.js'

/** One transaction for {@link sendSignedBatch}. */
export type SignedCall = {
  account: LoadAccount
  nonce: number
  to: Address
  data: Hex
  gas: bigint
  value?: bigint
}

/**
 * Signs many one-off transactions from many accounts locally, sends them as batched
 * `eth_sendRawTransaction` requests and waits until every one is mined, throwing when one
 * reverts or is rejected. Used to register hundreds of validators in a few blocks.
 */
export async function sendSignedBatch(options: {
  rpcUrl: string
  chainId: number
  calls: readonly SignedCall[]
  maxFeePerGas?: bigint
  timeoutMs?: number
  /** What the transactions do, for errors. */
  what: string
  /** Return reverted transactions (in `reverted`) instead of throwing. */
  allowRevert?: boolean
}): Promise<Hex[] & { reverted?: Hex[] }> {
  check(inputSchemas.sendSigned, options, 'sendSignedBatch options')
  const {
    rpcUrl,
    chainId,
    calls,
    maxFeePerGas = 200_000_000_000n,
    timeoutMs = 60_000,
    what,
    allowRevert = false,
  } = options
  const raws: Hex[] = []
  const hashes: Hex[] = []
  for (const c of calls) {
    const tx = {
      chainId,
      type: 'eip1559' as const,
      nonce: c.nonce,
      to: c.to,
      data: c.data,
      value: c.value ?? 0n,
      gas: c.gas,
      maxFeePerGas,
      maxPriorityFeePerGas: 1_000_000n,
    }
    const signature = await sign({
      hash: keccak256(serializeTransaction(tx)),
      privateKey: c.account.privateKey,
    })
    const raw = serializeTransaction(tx, signature)
    raws.push(raw)
    hashes.push(keccak256(raw))
  }
  for (let i = 0; i < raws.length; i += 250) {
    const outcomes = await rpcBatch({
      url: rpcUrl,
      calls: raws.slice(i, i + 250).map((raw) => ({ method: 'eth_sendRawTransaction', params: [raw] })),
    })
    const bad = outcomes.find((o) => o.error && !/already known/i.test(o.error.message))
    if (bad?.error) throw new ScenarioError(`Could not send ${what}: ${bad.error.message}`)
  }
  const deadline = nowMs() + timeoutMs
  let waiting = hashes
  const reverted: Hex[] = []
  while (waiting.length > 0) {
    if (nowMs() > deadline)
      throw new ScenarioError(`Timed out waiting for ${what}: ${waiting.length} transaction(s) not mined.`)
    await sleep(100)
    const left: Hex[] = []
    for (let i = 0; i < waiting.length; i += 250) {
      const chunk = waiting.slice(i, i + 250)
      const outcomes = await rpcBatch({
        url: rpcUrl,
        calls: chunk.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })),
      })
      outcomes.forEach((o, k) => {
        const receipt = o.result as { status: string } | null | undefined
        if (!receipt) left.push(chunk[k]!)
        else if (receipt.status !== '0x1') {
          if (!allowRevert) throw new ScenarioError(`${what} reverted (${chunk[k]}).`)
          reverted.push(chunk[k]!)
        }
      })
    }
    waiting = left
  }
  return Object.assign(hashes, { reverted })
}
