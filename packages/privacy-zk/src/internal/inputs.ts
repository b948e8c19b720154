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

const decimal = z.string().regex(/^\d{1,78}$/, { message: 'a decimal field element' })
const groth16Proof = z.looseObject({
  pi_a: z.array(decimal).min(2).max(3),
  pi_b: z.array(z.array(decimal).length(2)).min(2).max(3),
  pi_c: z.array(decimal).min(2).max(3),
})
const publicSignals = z.array(z.union([decimal, field])).max(64)
const fieldValue = z.union([z.bigint(), z.number(), z.string(), z.date()])
const artifactsOption = z.looseObject({}).optional()
const merkleProof = z.looseObject({
  leaf: field,
  leafIndex: z.number().int().nonnegative(),
  siblings: z.array(z.array(field)),
  root: field,
})
const openRecord = z.looseObject({
  schema: recordSchema,
  encoded: z.array(field),
  salts: z.array(field),
  fieldCommitments: z.array(field),
  binding: field,
  commitment: field,
})
const statement = z.looseObject({
  fieldIndex: z.number(),
  min: z.bigint(),
  max: z.bigint(),
  scope: z.bigint(),
})
const disclosureParameters = z.looseObject({
  record: openRecord,
  field: z.string(),
  range: z.looseObject({ min: fieldValue, max: fieldValue }),
  merkleProof,
  scope: z.union([z.number().int().nonnegative(), z.bigint().nonnegative()]),
  artifacts: artifactsOption,
})

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
  statement,
  packedStatement: z.bigint(),
  disclosureParameters,
  verifyDisclosure: z.looseObject({
    proof: groth16Proof,
    publicSignals,
    expected: z
      .looseObject({
        roots: z.array(field).optional(),
        statement: statement.optional(),
        nullifier: field.optional(),
      })
      .optional(),
  }),
  proveMembership: z.looseObject({ merkleProof, artifacts: artifactsOption }),
  verifyMembership: z.looseObject({ proof: groth16Proof, publicSignals, roots: z.array(field) }),
  proveRange: z.looseObject({
    record: openRecord,
    field: z.string(),
    min: fieldValue,
    max: fieldValue,
    artifacts: artifactsOption,
  }),
  verifyRange: z.looseObject({
    proof: groth16Proof,
    publicSignals,
    expected: z.looseObject({ fieldCommitment: field, min: field, max: field }),
  }),
  proveSelectiveDisclosure: z.looseObject({
    record: openRecord,
    fields: z.array(z.string()),
    artifacts: artifactsOption,
  }),
  verifySelectiveDisclosure: z.looseObject({
    schema: recordSchema,
    proof: groth16Proof,
    publicSignals,
    recordCommitment: field,
  }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
