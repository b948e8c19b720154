import { type Devnet, startDevnet } from '@caldera/devnet'
import { createPublicClient, createWalletClient, custom, type EIP1193RequestFn, http, parseAbi } from 'viem'
import { getTransactionCount } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChainSender, type SenderCall } from './chainSender.js'

const pingAbi = parseAbi(['function ping(uint256 n)'])

/**
 * A transport to a real anvil that lets a test shape the network: delay a request before it is
 * forwarded, hold an answer after the node has processed it, or fail a request without sending it.
 */
function shapedTransport(rpcUrl: string) {
  const node = http(rpcUrl)({})
  const plan = {
    /** Milliseconds each next `eth_getTransactionCount` waits before it is forwarded, in order. */
    countDelays: [] as number[],
    /** Milliseconds the next `eth_sendRawTransaction` answer is held after the node accepted it. */
    sendAnswerDelay: 0,
    /** Fail the next `eth_sendRawTransaction` without forwarding it. */
    failNextSend: false,
    counts: 0,
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
  const request: EIP1193RequestFn = async (args) => {
    if (args.method === 'eth_getTransactionCount') {
      plan.counts++
      await sleep(plan.countDelays.shift() ?? 0)
    }
    if (args.method === 'eth_sendRawTransaction') {
      if (plan.failNextSend) {
        plan.failNextSend = false
        throw new Error('connection reset before the node saw the request')
      }
      const answer = await node.request(args as never)
      const hold = plan.sendAnswerDelay
      plan.sendAnswerDelay = 0
      await sleep(hold)
      return answer as never
    }
    return node.request(args as never) as never
  }
  return { transport: custom({ request }), plan }
}

describe('ChainSender', () => {
  let devnet: Devnet
  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'a', accounts: 3 }] })
  })
  afterAll(async () => {
    await devnet?.stop()
  })

  const setup = () => {
    const chain = devnet.chain('a')
    const { transport, plan } = shapedTransport(chain.rpcUrl)
    const walletClient = createWalletClient({ account: chain.accounts[2]!, chain: chain.chain, transport })
    const rpc = createPublicClient({ chain: chain.chain, transport })
    const sender = new ChainSender(walletClient, { rpc, receiptTimeoutMs: 3_000 })
    const ping = (n: bigint): SenderCall => ({
      address: chain.accounts[1]!.address,
      abi: pingAbi,
      functionName: 'ping',
      args: [n],
    })
    const mined = () => getTransactionCount(chain.publicClient, { address: chain.accounts[2]!.address })
    return { sender, plan, ping, mined }
  }

  it('sends serialized transactions with consecutive nonces, presigned standby calls included', async () => {
    const { sender, ping, mined } = setup()
    const start = await mined()
    await sender.standby('ping:0', ping(0n))
    const hashes = await Promise.all([
      sender.call(ping(0n), 'ping:0'),
      sender.call(ping(1n)),
      sender.call(ping(0n), 'ping:0'),
    ])
    expect(new Set(hashes).size).toBe(3)
    expect(await mined()).toBe(start + 3)
  })

  it('leaves no nonce gap when a background presign reads the count while a send is answered late', async () => {
    const { sender, plan, ping, mined } = setup()
    await sender.standby('ping:7', ping(7n))
    const start = await mined()
    // A send fails before reaching the node: the sender forgets its nonce, and schedules a
    // presign of its standby call, which reads the transaction count again.
    plan.failNextSend = true
    await expect(sender.call(ping(7n), 'ping:7')).rejects.toThrow(/connection reset/)
    // The next send reads the count at once (first read) and its transaction is mined, but its
    // answer arrives late; the presign's read (second) reaches the node after that transaction was
    // mined, so it counts it. A sender that adopted that count and then incremented it for the
    // late answer would skip a nonce: the next transaction would never be mined.
    plan.countDelays = [0, 150]
    plan.sendAnswerDelay = 600
    const counted = plan.counts
    await sender.call(ping(8n))
    expect(plan.counts - counted).toBeGreaterThanOrEqual(2) // the race really happened
    await sender.call(ping(9n), 'ping:7')
    await sender.call(ping(10n))
    expect(await mined()).toBe(start + 3)
  })
})
