import { addressSchema, parse } from '@caldera/core'
import { z } from 'zod'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

export const inputSchemas = {
  deployInitializedClone: z.object({
    implementation: addressSchema,
    abi: z.array(z.looseObject({ type: z.string() })).min(1),
    functionName: z.string().min(1).max(256).optional(),
    args: z.array(z.unknown()).readonly().optional(),
  }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
