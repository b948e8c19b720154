import type { z } from 'zod'
import { ValidationError } from '../errors/validation.js'

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
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  throw ValidationError.fromZod(subject, result.error, input)
}
