import type { z } from 'zod'
import { CalderaError } from '../errors/base.js'
import { ValidationError } from '../errors/validation.js'
import { describeValue } from './describeValue.js'

/**
 * Validates `input` with `schema` and returns the parsed value, or throws a
 * {@link ValidationError} that names every bad field.
 *
 * @param schema - The zod schema to apply.
 * @param input - The untrusted input.
 * @param subject - What the input is, for the message (e.g. `domain config`).
 * @returns The parsed (and transformed) value.
 *
 * @example
 * import { parse, domainConfigSchema } from '@caldera/core'
 * const config = parse(domainConfigSchema, json, 'domain config')
 */
export function parse<schema extends z.ZodType>(
  schema: schema,
  input: unknown,
  subject: string,
): z.output<schema> {
  if (typeof (schema as { safeParse?: unknown } | null)?.safeParse !== 'function')
    throw new CalderaError(`parse: schema must be a zod schema, got ${describeValue(schema)}.`, {
      hint: 'Pass a zod schema as the first argument.',
    })
  if (typeof subject !== 'string')
    throw new CalderaError(`parse: subject must be a string, got ${describeValue(subject)}.`)
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  throw ValidationError.fromZod(subject, result.error, input)
}
