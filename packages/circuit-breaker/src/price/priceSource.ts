import { addressSchema, parse } from '@caldera/core'
import type { Address, Client } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import { PriceNotFoundError } from '../errors/breaker.js'
import { check, checkAmountAndPrice, inputSchemas } from '../internal/inputs.js'

/** USD price of one whole token: `usdPerUnit` with `decimals`, and the token's own decimals. */
export type TokenPrice = { usdPerUnit: bigint; decimals: number; tokenDecimals: number }

/** Values token amounts in USD micro-dollars. */
export type PriceSource = {
  /** The price of `token` (a symbol or an address, as the source was configured). */
  getPrice(token: string): Promise<TokenPrice>
  /** The USD value of `amount` base units of `token`, in micro-dollars (rounded down). */
  toUsd(parameters: { token: string; amount: bigint }): Promise<bigint>
}

/**
 * Micro-dollars of `amount` base units at `price` (rounded down).
 *
 * @example
 * import { valueInUsd } from '@caldera/circuit-breaker'
 * valueInUsd(2n * 10n ** 18n, { usdPerUnit: 3000_00000000n, decimals: 8, tokenDecimals: 18 }) // 6000000000n
 */
export function valueInUsd(amount: bigint, price: TokenPrice): bigint {
  checkAmountAndPrice(amount, price, 'token amount')
  return (amount * price.usdPerUnit * 1_000_000n) / 10n ** BigInt(price.decimals + price.tokenDecimals)
}

const staticPricesSchema = z.record(
  z.string().min(1),
  z.object({
    usdPerUnit: z.bigint().positive(),
    decimals: z.number().int().min(0).max(36),
    tokenDecimals: z.number().int().min(0).max(36),
  }),
)

/**
 * A price source backed by a fixed table (tests, replays, pegged tokens).
 *
 * @example
 * import { createStaticPriceSource } from '@caldera/circuit-breaker'
 * const prices = createStaticPriceSource({ prices: { USDC: { usdPerUnit: 1n, decimals: 0, tokenDecimals: 6 } } })
 * await prices.toUsd({ token: 'USDC', amount: 2_500_000n }) // 2500000n (2.5 USD)
 */
export function createStaticPriceSource(parameters: { prices: Record<string, TokenPrice> }): PriceSource {
  check(inputSchemas.staticPrices, parameters, 'static price source parameters')
  const prices = parse(staticPricesSchema, parameters.prices, 'static prices')
  const lookup = new Map(Object.entries(prices).map(([k, v]) => [k.toLowerCase(), v]))
  const getPrice = async (token: string) => {
    const price = lookup.get(token.toLowerCase())
    if (!price) throw new PriceNotFoundError({ token })
    return price
  }
  return { getPrice, toUsd: async ({ token, amount }) => valueInUsd(amount, await getPrice(token)) }
}

/** The part of Chainlink's AggregatorV3Interface a feed price source reads. */
export const aggregatorV3Abi = [
  { type: 'function', name: 'decimals', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint8' }] },
  {
    type: 'function',
    name: 'latestRoundData',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      { name: 'roundId', type: 'uint80' },
      { name: 'answer', type: 'int256' },
      { name: 'startedAt', type: 'uint256' },
      { name: 'updatedAt', type: 'uint256' },
      { name: 'answeredInRound', type: 'uint80' },
    ],
  },
] as const

/**
 * A price source that reads Chainlink-style feeds (`latestRoundData`, `decimals`) through viem,
 * caching each answer for `cacheMs` (default 1,000 ms).
 *
 * @example
 * import { createFeedPriceSource } from '@caldera/circuit-breaker'
 * const prices = createFeedPriceSource({ client: publicClient, feeds: { [token]: { feed, tokenDecimals: 18 } } })
 * const usd = await prices.toUsd({ token, amount: 10n ** 18n })
 */
export function createFeedPriceSource(parameters: {
  client: Client
  feeds: Record<string, { feed: Address; tokenDecimals: number }>
  cacheMs?: number
}): PriceSource {
  check(inputSchemas.feedPrices, parameters, 'feed price source parameters')
  const { client } = parameters
  const cacheMs = parameters.cacheMs ?? 1_000
  const feeds = new Map(
    Object.entries(parameters.feeds).map(([k, v]) => [
      k.toLowerCase(),
      { feed: parse(addressSchema, v.feed, `feed of ${k}`), tokenDecimals: v.tokenDecimals },
    ]),
  )
  const cache = new Map<string, { at: number; price: TokenPrice }>()
  const getPrice = async (token: string) => {
    const key = token.toLowerCase()
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < cacheMs) return hit.price
    const feed = feeds.get(key)
    if (!feed) throw new PriceNotFoundError({ token })
    const [decimals, round] = await Promise.all([
      readContract(client, { address: feed.feed, abi: aggregatorV3Abi, functionName: 'decimals' }),
      readContract(client, { address: feed.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' }),
    ])
    const answer = round[1]
    if (answer <= 0n) throw new PriceNotFoundError({ token })
    const price = { usdPerUnit: answer, decimals, tokenDecimals: feed.tokenDecimals }
    cache.set(key, { at: Date.now(), price })
    return price
  }
  return { getPrice, toUsd: async ({ token, amount }) => valueInUsd(amount, await getPrice(token)) }
}
