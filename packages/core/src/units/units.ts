import { formatUnits, parseUnits } from 'viem'
import { z } from 'zod'
import { CalderaError } from '../errors/base.js'
import { parse } from '../validation/parse.js'

/** ERA, the staking token, has 18 decimals. */
export const ERA_DECIMALS = 18
/** USD amounts are `bigint` with 6 decimals (micro-dollars): `1_000_000n` is one dollar. */
export const USD_DECIMALS = 6

const decimalInputSchema = z.union([z.string(), z.number()])

function parseDecimal(value: string | number, decimals: number, unit: string): bigint {
  if (typeof value !== 'string' && typeof value !== 'number')
    parse(decimalInputSchema, value, `${unit} amount`)
  const text =
    typeof value === 'number' ? numberToPlain(value) : value.trim().replaceAll('_', '').replaceAll(',', '')
  if (!/^-?\d+(\.\d+)?$/.test(text))
    throw new CalderaError(`Cannot read ${JSON.stringify(String(value))} as an amount of ${unit}.`, {
      hint: `Pass a decimal number such as "1250.5" (at most ${decimals} decimals).`,
    })
  const fraction = text.split('.')[1] ?? ''
  if (fraction.length > decimals)
    throw new CalderaError(`${unit} amount ${JSON.stringify(text)} has more than ${decimals} decimals.`, {
      hint: `Round it to ${decimals} decimals.`,
    })
  return parseUnits(text, decimals)
}

function numberToPlain(value: number): string {
  if (!Number.isFinite(value))
    throw new CalderaError(`Cannot read ${value} as an amount.`, {
      hint: 'Pass a finite number or a decimal string.',
    })
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
}

/**
 * Parses an ERA amount written in whole tokens into base units (18 decimals).
 *
 * @example
 * import { parseEra } from '@caldera/core'
 * parseEra('100000') // 100000000000000000000000n
 */
export function parseEra(value: string | number): bigint {
  return parseDecimal(value, ERA_DECIMALS, 'ERA')
}

/**
 * Formats ERA base units as whole tokens.
 *
 * @example
 * formatEra(10n ** 18n) // '1'
 */
export function formatEra(value: bigint): string {
  if (typeof value !== 'bigint') parse(z.bigint(), value, 'ERA amount (base units)')
  return formatUnits(value, ERA_DECIMALS)
}

/**
 * Parses a USD amount into micro-dollars (6 decimals).
 *
 * @example
 * import { parseUsd } from '@caldera/core'
 * parseUsd('1000000') // 1000000000000n  (one million dollars)
 */
export function parseUsd(value: string | number): bigint {
  return parseDecimal(value, USD_DECIMALS, 'USD')
}

/**
 * Formats micro-dollars as a dollar string.
 *
 * @example
 * formatUsd(1_500_000_000_000n) // '1500000'
 */
export function formatUsd(value: bigint): string {
  if (typeof value !== 'bigint') parse(z.bigint(), value, 'USD amount (micro-dollars)')
  return formatUnits(value, USD_DECIMALS)
}
