import { breakerPriceFeedAbi, breakerPriceFeedBytecode, deployInitializedClone } from '@caldera/contracts'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deployCode, writeAndWait } from '../internal/client.js'
import { createFeedPriceSource, createStaticPriceSource } from './priceSource.js'

describe('price sources', () => {
  let devnet: Devnet
  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'prices', accounts: 1 }] })
  })
  afterAll(() => devnet?.stop())

  it('values amounts from a static table and refuses unknown tokens', async () => {
    const prices = createStaticPriceSource({
      prices: {
        USDC: { usdPerUnit: 1n, decimals: 0, tokenDecimals: 6 },
        ETH: { usdPerUnit: 3000_00000000n, decimals: 8, tokenDecimals: 18 },
      },
    })
    expect(await prices.toUsd({ token: 'usdc', amount: 2_500_000n })).toBe(2_500_000n)
    expect(await prices.toUsd({ token: 'ETH', amount: 5n * 10n ** 17n })).toBe(1_500_000_000n)
    await expect(prices.toUsd({ token: 'DOGE', amount: 1n })).rejects.toThrow(/No USD price for token DOGE/)
  })

  it('reads a Chainlink-style feed on chain through viem', async () => {
    const { walletClient, publicClient } = devnet.chain('prices')
    const impl = await deployCode(walletClient, breakerPriceFeedBytecode)
    const { address: feed } = await deployInitializedClone(walletClient, {
      implementation: impl,
      abi: breakerPriceFeedAbi,
      args: [walletClient.account.address, 8, 'ERA / USD', 4_00000000n],
    })
    const token = '0x00000000000000000000000000000000000000e1'
    const prices = createFeedPriceSource({
      client: publicClient,
      feeds: { [token]: { feed, tokenDecimals: 18 } },
      cacheMs: 0,
    })
    expect(await prices.toUsd({ token, amount: 10n ** 18n })).toBe(4_000_000n)
    await writeAndWait(walletClient, {
      address: feed,
      abi: breakerPriceFeedAbi,
      functionName: 'setAnswer',
      args: [2_50000000n],
    })
    expect(await prices.toUsd({ token, amount: 3n * 10n ** 18n })).toBe(7_500_000n)
  })
})
