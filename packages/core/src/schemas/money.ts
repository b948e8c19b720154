import { z } from 'zod'
import { CalderaError } from '../errors/base.js'
import { USD_DECIMALS } from '../units/units.js'
import { parse } from '../validation/parse.js'
import { amountSchema, positiveAmountSchema } from './primitives.js'

/** ISO 4217 style currency or token symbol: 2–12 upper-case letters or digits (`USD`, `EUR`, `ERA`, `USDC`). */
export const currencySchema = z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/, {
  message: 'a currency code of 2–12 upper-case letters/digits, e.g. "USD"',
})

/** An amount of money: integer base units, the number of decimals, and the currency. */
export const moneySchema = z.object({
  amount: amountSchema,
  decimals: z.number().int().min(0).max(36),
  currency: currencySchema,
})
export type Money = z.infer<typeof moneySchema>

/**
 * A USD price of one whole unit of a currency or token, as an integer with its own decimals
 * (Chainlink-style feeds use 8).
 */
export const usdPriceSchema = z.object({
  currency: currencySchema,
  usdPerUnit: positiveAmountSchema,
  decimals: z.number().int().min(0).max(36),
})
export type UsdPrice = z.infer<typeof usdPriceSchema>

/**
 * Values an amount of money in USD micro-dollars (6 decimals), rounding down.
 *
 * @example
 * import { toUsd } from '@caldera/core'
 * const usd = toUsd(
 *   { amount: 2n * 10n ** 18n, decimals: 18, currency: 'ETH' },
 *   { currency: 'ETH', usdPerUnit: 3000_00000000n, decimals: 8 },
 * ) // 6000_000000n
 */
export function toUsd(money: Money, price: UsdPrice): bigint {
  // Hot path (detectors value every event): a cheap shape check, zod only to explain a failure.
  if (!isMoney(money)) parse(moneySchema, money, 'money')
  if (!isUsdPrice(price)) parse(usdPriceSchema, price, 'USD price')
  if (money.currency !== price.currency)
    throw new CalderaError(`Cannot value ${money.currency} with a ${price.currency} price.`, {
      hint: `Pass the price of ${money.currency}.`,
    })
  const numerator = money.amount * price.usdPerUnit * 10n ** BigInt(USD_DECIMALS)
  return numerator / 10n ** BigInt(money.decimals + price.decimals)
}

const currencyPattern = /^[A-Z][A-Z0-9]{1,11}$/

function isDecimals(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 36
}

function isMoney(value: unknown): value is Money {
  const m = value as Partial<Money> | null
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.amount === 'bigint' &&
    m.amount >= 0n &&
    isDecimals(m.decimals) &&
    typeof m.currency === 'string' &&
    currencyPattern.test(m.currency)
  )
}

function isUsdPrice(value: unknown): value is UsdPrice {
  const p = value as Partial<UsdPrice> | null
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.usdPerUnit === 'bigint' &&
    p.usdPerUnit > 0n &&
    isDecimals(p.decimals) &&
    typeof p.currency === 'string' &&
    currencyPattern.test(p.currency)
  )
}
