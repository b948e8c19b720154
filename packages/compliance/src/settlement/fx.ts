import { currencySchema, parse } from '@caldera/core'
import { z } from 'zod'
import { RateNotFoundError } from '../errors/compliance.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** An exact rate as a fraction: `quote units per base unit = num / den` (whole units). */
export type Rate = { num: bigint; den: bigint }

const decimalRate = z
  .string()
  .regex(/^\d{1,30}(\.\d{1,30})?$/, { message: 'a positive decimal rate, e.g. "1.0850"' })

/** One exact FX rate: quote units per base unit as a decimal string. */
export const rateInputSchema = z.object({
  base: currencySchema,
  quote: currencySchema,
  /** Quote units per one base unit, as an exact decimal string (`"1.0850"`) — never a float. */
  rate: decimalRate,
})
export type RateInput = z.input<typeof rateInputSchema>

/** A source of exact FX rates. */
export type RateSource = {
  /** The exact rate from `base` to `quote`: direct, inverse, or crossed through the pivot currency. */
  rate(base: string, quote: string): Rate
  /** The pivot currency used for crosses. */
  pivot: string
}

function parseDecimal(text: string): Rate {
  const [whole, frac = ''] = text.split('.')
  const den = 10n ** BigInt(frac.length)
  return { num: BigInt(whole! + frac), den }
}

/**
 * Creates a rate source from exact decimal rates. Missing pairs are served by the inverse or a
 * cross through the pivot currency (USD by default), computed as exact fractions.
 *
 * @example
 * import { createRateSource } from '@caldera/compliance'
 * const rates = createRateSource({ rates: [{ base: 'EUR', quote: 'USD', rate: '1.0850' }, { base: 'USD', quote: 'JPY', rate: '151.20' }] })
 * rates.rate('EUR', 'JPY') // { num: …, den: … } = 164.052
 */
export function createRateSource(parameters: { rates: readonly RateInput[]; pivot?: string }): RateSource {
  const { rates, pivot } = parse(
    z.object({ rates: z.array(rateInputSchema), pivot: currencySchema.default('USD') }),
    parameters,
    'rate source',
  )
  const table = new Map<string, Rate>()
  for (const r of rates) {
    const rate = parseDecimal(r.rate)
    if (rate.num === 0n) throw new RateNotFoundError({ base: r.base, quote: r.quote })
    table.set(`${r.base}/${r.quote}`, rate)
  }
  const direct = (base: string, quote: string): Rate | undefined => {
    if (base === quote) return { num: 1n, den: 1n }
    const d = table.get(`${base}/${quote}`)
    if (d) return d
    const inverse = table.get(`${quote}/${base}`)
    return inverse ? { num: inverse.den, den: inverse.num } : undefined
  }
  return {
    pivot,
    rate(base, quote) {
      const d = direct(base, quote)
      if (d) return d
      const a = direct(base, pivot)
      const b = direct(pivot, quote)
      if (a && b) return { num: a.num * b.num, den: a.den * b.den }
      throw new RateNotFoundError({ base, quote })
    },
  }
}

/** An amount of money in integer base units. */
export type FxAmount = { amount: bigint; decimals: number; currency: string }

/**
 * Converts money between currencies exactly (bigint fixed point, no floating point), rounding
 * the result once at the target's decimals: down (default) or half-even (banker's rounding).
 *
 * @example
 * import { convert, createRateSource } from '@caldera/compliance'
 * const rates = createRateSource({ rates: [{ base: 'EUR', quote: 'USD', rate: '1.0850' }] })
 * convert({ rates, from: { amount: 100_00n, decimals: 2, currency: 'EUR' }, to: { currency: 'USD', decimals: 2 } })
 * // { amount: 108_50n, decimals: 2, currency: 'USD' }
 */
export function convert(parameters: {
  rates: RateSource
  from: FxAmount
  to: { currency: string; decimals: number }
  rounding?: 'down' | 'half-even'
}): FxAmount {
  check(inputSchemas.convert, parameters, 'FX conversion')
  const { from, to, rounding } = parse(
    z.object({
      from: z.object({
        amount: z.bigint().nonnegative(),
        decimals: z.number().int().min(0).max(36),
        currency: currencySchema,
      }),
      to: z.object({ currency: currencySchema, decimals: z.number().int().min(0).max(36) }),
      rounding: z.enum(['down', 'half-even']).default('down'),
    }),
    { from: parameters.from, to: parameters.to, rounding: parameters.rounding },
    'FX conversion',
  )
  const rate = parameters.rates.rate(from.currency, to.currency)
  const num = from.amount * rate.num * 10n ** BigInt(to.decimals)
  const den = rate.den * 10n ** BigInt(from.decimals)
  let q = num / den
  if (rounding === 'half-even') {
    const r = num % den
    if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q++
  }
  return { amount: q, decimals: to.decimals, currency: to.currency }
}
