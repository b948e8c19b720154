import { parse } from '@caldera/core'
import { z } from 'zod'
import {
  type FieldDefinition,
  type FieldDefinitionInput,
  fieldDefinitionSchema,
  MAX_FIELDS,
} from './fieldTypes.js'

const recordSchemaInput = z.object({
  name: z.string().min(1).max(64),
  fields: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an identifier'), fieldDefinitionSchema)
    .refine((fields) => Object.keys(fields).length >= 1, 'at least one field')
    .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, `at most ${MAX_FIELDS} fields`),
})

/** A field of a schema, with its position in the record commitment. */
export type SchemaField = FieldDefinition & { name: string; index: number }

/** A validated record schema: fields in declaration order (their index in the commitment). */
export type RecordSchema<names extends string = string> = {
  readonly name: string
  readonly fields: readonly SchemaField[]
  readonly fieldNames: readonly names[]
  /** Looks a field up by name (throws `UnknownFieldError` through `getField`). */
  readonly byName: ReadonlyMap<string, SchemaField>
}

export type DefineRecordSchemaParameters<fields extends Record<string, FieldDefinitionInput>> = {
  /** Schema name, recorded in every sealed record. */
  name: string
  /** Up to 8 fields; declaration order is the field's index in the record commitment. */
  fields: fields
}

/**
 * Defines a record schema: per field a type (`integer`, `decimal`, `string`, `timestamp`, `enum`)
 * and a privacy (`private`, the default, or `public`). Validated with zod.
 *
 * @example
 * import { defineRecordSchema } from '@caldera/privacy-zk'
 * const shipment = defineRecordSchema({
 *   name: 'shipment',
 *   fields: {
 *     shipmentId: { type: 'string', privacy: 'public' },
 *     lowestTemperature: { type: 'decimal', decimals: 2 },
 *     peakTemperature: { type: 'decimal', decimals: 2 },
 *   },
 * })
 */
export function defineRecordSchema<const fields extends Record<string, FieldDefinitionInput>>(
  parameters: DefineRecordSchemaParameters<fields>,
): RecordSchema<Extract<keyof fields, string>> {
  const parsed = parse(recordSchemaInput, parameters, 'record schema')
  const fields = Object.entries(parsed.fields).map(([name, definition], index) => ({
    ...definition,
    name,
    index,
  }))
  return {
    name: parsed.name,
    fields,
    fieldNames: fields.map((f) => f.name) as Extract<keyof fields, string>[],
    byName: new Map(fields.map((f) => [f.name, f])),
  }
}
