import { addressSchema, parse } from '@caldera/core'
import { z } from 'zod'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

const field = z.bigint().nonnegative()
const recordSchema = z.looseObject({
  name: z.string(),
  fieldNames: z.array(z.string()),
  byName: z.instanceof(Map, { message: 'a record schema from defineRecordSchema' }),
})
const privateKey = z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/, { message: 'a 32-byte x25519 key in hex' })
const calldata = z.looseObject({ a: z.array(z.unknown()), b: z.array(z.unknown()), c: z.array(z.unknown()) })
const disclosure = z.looseObject({ calldata, root: field, nullifier: field, statement: field })

export const inputSchemas = {
  commitField: z.object({ value: field, salt: field }),
  commitRecord: z.object({ binding: field, fieldCommitments: z.array(field) }),
  encryptionBinding: z.object({ keyHash: field, ciphertextHash: field }),
  schemaAndName: z.tuple([recordSchema, z.string()]),
  decode: z.tuple([recordSchema, z.string(), z.bigint()]),
  privateKey,
  address: addressSchema,
  knownRoot: z.object({ notary: addressSchema, root: field }),
  nullifierUsed: z.object({ verifier: addressSchema, nullifier: field }),
  notarize: z.object({
    notary: addressSchema,
    root: field,
    recordCount: z.union([z.number().int().nonnegative(), z.bigint().nonnegative()]),
  }),
  loadArtifacts: z.object({ circuit: z.string().min(1), artifacts: z.looseObject({}).optional() }),
  openRecord: z.object({ schema: recordSchema, sealed: z.looseObject({ schema: z.string() }), privateKey }),
  sealRecord: z.looseObject({ schema: recordSchema, values: z.looseObject({}) }),
  disclosure,
  submit: z.object({
    verifier: addressSchema,
    disclosure,
    gas: z.bigint().positive().optional(),
    simulate: z.boolean().optional(),
  }),
  deploy: z.object({
    admin: addressSchema.optional(),
    notarizer: addressSchema.optional(),
    implementations: z.object({ notary: addressSchema, disclosureVerifier: addressSchema }).optional(),
  }),
  merkleProof: z.object({
    leaf: field,
    leafIndex: z.number().int().nonnegative(),
    siblings: z.array(z.array(field)),
    root: field,
  }),
  tree: z.object({ depth: z.number().int().optional(), leaves: z.array(field).optional() }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
