import { z } from 'zod'

/** Bits of every range-provable encoding: numeric encodings lie in [0, 2^40). */
export const RANGE_BITS = 40
/** Offset of signed encodings (integer, decimal): encoding = value + 2^39. */
export const SIGNED_OFFSET = 1n << 39n
/** Largest number of fields in a record (the width of the record commitment). */
export const MAX_FIELDS = 8

const privacy = z.enum(['public', 'private']).default('private')

/** The field types a record schema supports, each with its privacy. */
export const fieldDefinitionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('integer'), privacy }),
  z.object({ type: z.literal('decimal'), decimals: z.number().int().min(0).max(9), privacy }),
  z.object({ type: z.literal('string'), privacy }),
  z.object({ type: z.literal('timestamp'), privacy }),
  z.object({
    type: z.literal('enum'),
    values: z.array(z.string().min(1)).min(1).max(256),
    privacy,
  }),
])

export type FieldDefinition = z.output<typeof fieldDefinitionSchema>
export type FieldDefinitionInput = z.input<typeof fieldDefinitionSchema>
export type FieldType = FieldDefinition['type']

/** A field value as the application passes it. */
export type FieldValue = bigint | number | string | Date
