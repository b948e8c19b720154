import { type Devnet, type DevnetChain, startDevnet } from '@caldera/devnet'
import { recoverTransactionAddress } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateErc20Batch } from '../da/generateBatch.js'
import { GasCapExceededError } from '../errors/deploy.js'
import { deployDomain } from './deployDomain.js'
import { postBatch } from './postBatch.js'
import { readBatch } from './readBatch.js'

let devnet: Devnet
let chain: DevnetChain
let inbox: `0x${string}`
beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'inbox' }] })
  chain = devnet.chain('inbox')
  const deployed = await deployDomain(chain.walletClient, {
    config: {
      domain: { name: 'inbox-domain', tier: 'light', chainId: chain.chainId },
      admin: chain.accounts[0]!.address,
      params: {
        Channel: { token: chain.accounts[0]!.address },
        StakingRegistry: { token: chain.accounts[0]!.address },
      },
    },
  })
  inbox = deployed.addresses.contracts.BatchInbox!
})
afterAll(async () => {
  await devnet?.stop()
})

describe('postBatch / readBatch', () => {
  it('posts compressed batches of signed ERC-20 transfers and decodes them back from the chain', async () => {
    const { transactions, signers } = await generateErc20Batch({
      count: 120,
      senders: 30,
      token: '0x0000000000000000000000000000000000c0ffee',
      chainId: chain.chainId,
    })
    for (const [i, codec] of (['none', 'zlib', 'brotli'] as const).entries()) {
      const posted = await postBatch(chain.walletClient, { inbox, transactions, codec })
      expect(posted.index).toBe(BigInt(i))
      const read = await readBatch(chain.publicClient, { inbox, index: posted.index })
      expect(read.codec).toBe(codec)
      expect(read.batchHash).toBe(posted.batchHash)
      expect(read.transactions).toEqual(transactions)
    }
    const read = await readBatch(chain.publicClient, { inbox, index: 2n })
    const recovered = await Promise.all(
      read.transactions.map((serializedTransaction) =>
        recoverTransactionAddress({ serializedTransaction: serializedTransaction as never }),
      ),
    )
    expect(recovered).toEqual(signers)
  })

  it('refuses a batch whose transaction would exceed the EIP-7825 cap, without sending', async () => {
    const huge = Array.from(
      { length: 50 },
      (_, i) => `0x${(i + 1).toString(16).padStart(2, '0').repeat(10_000)}` as const,
    )
    const before = await chain.publicClient.getTransactionCount({ address: chain.accounts[0]!.address })
    await expect(postBatch(chain.walletClient, { inbox, transactions: huge, codec: 'none' })).rejects.toThrow(
      GasCapExceededError,
    )
    expect(await chain.publicClient.getTransactionCount({ address: chain.accounts[0]!.address })).toBe(before)
  })
})
