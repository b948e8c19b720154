import { CalderaError, parseUsd } from '@caldera/core'
import { z } from 'zod'

/** Largest micro-dollar value the detectors compare exactly (2^53 − 1, about 9 billion USD). */
export const MAX_EXACT_USD = 9_007_199_254_740_991n

/**
 * A USD amount in a policy: a number or decimal string of dollars (`1000000`, `"2500.50"`), or a
 * bigint of micro-dollars. Output: micro-dollars as bigint, at most {@link MAX_EXACT_USD}.
 */
export const policyUsdSchema = z
  .union([z.bigint(), z.number(), z.string()], {
    message: 'a USD amount: dollars as a number or decimal string, or micro-dollars as a bigint',
  })
  .transform((value, ctx) => {
    try {
      const micro = typeof value === 'bigint' ? value : parseUsd(value)
      if (micro < 0n || micro > MAX_EXACT_USD) {
        ctx.addIssue({
          code: 'custom',
          message: 'a USD amount between 0 and 9,007,199,254 dollars',
          input: value,
        })
        return z.NEVER
      }
      return micro
    } catch (error) {
      const why =
        error instanceof CalderaError && /decimals/.test(error.shortMessage) ? ' with at most 6 decimals' : ''
      ctx.addIssue({
        code: 'custom',
        message: `a USD amount in dollars${why}, e.g. 1000000 or "2500.50"`,
        input: value,
      })
      return z.NEVER
    }
  })
