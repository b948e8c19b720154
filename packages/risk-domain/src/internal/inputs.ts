import { addressSchema, amountSchema, bytes32Schema, hexSchema, parse } from '@caldera/core'
import { z } from 'zod'
import { Point } from '../threshold/scalar.js'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

const uint256 = z
  .bigint()
  .nonnegative()
  .max(2n ** 256n - 1n, { message: 'a uint256' })
const point = z.instanceof(Point, { message: 'a secp256k1 point' })
const index = z.number().int().min(1).max(65_535)
const compressedPoint = z
  .string()
  .regex(/^0x0[23][0-9a-fA-F]{64}$/, { message: 'a compressed secp256k1 point' })
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: 'a function' })
const account = z.looseObject({ address: addressSchema, signMessage: fn })

const groupKey = z.looseObject({
  x: uint256,
  parity: z.union([z.literal(0), z.literal(1)]),
  publicKey: compressedPoint,
  validators: z.number().int().min(1),
  threshold: z.number().int().min(1),
})
const keyShare = z.looseObject({ index, secret: z.bigint(), verificationShare: compressedPoint })
const shares = z.array(keyShare).min(1)
const context = z.string().max(200).optional()
const pair = z.tuple([uint256, uint256])

export const inputSchemas = {
  createDealing: z.object({
    dealer: index,
    validators: z.number().int().min(1).max(1_000),
    threshold: z.number().int().min(1).max(1_000),
    context,
  }),
  dealing: z.looseObject({
    dealer: index,
    commitments: z.array(point).min(1),
    proof: z.looseObject({ r: point, mu: z.bigint() }),
    shares: z.array(z.bigint()),
  }),
  verifyDealing: z.object({ threshold: z.number().int().min(1).max(1_000), context }),
  signThreshold: z.object({ groupKey, shares, message: bytes32Schema }),
  thresholdAttestation: z.object({
    domainId: bytes32Schema,
    batchNonce: amountSchema,
    // `computeBatchRoot` validates the messages first thing (not parsed twice).
    messages: z.unknown(),
    groupKey,
    shares,
  }),
  verifyThresholdSignature: z.object({
    groupKey: z.looseObject({
      x: uint256,
      parity: z.union([z.literal(0), z.literal(1)]),
      publicKey: hexSchema,
    }),
    message: bytes32Schema,
    signature: z.looseObject({ e: z.bigint(), s: z.bigint() }),
  }),
  attestationThreshold: z.object({
    validators: z.number().int().min(0).max(1_000_000),
    quorumBps: z.number().int().min(0).max(10_000),
  }),
  computeBatchRoot: z.object({ messages: z.unknown() }),
  createAttestationProof: z.object({
    domainId: bytes32Schema,
    batchNonce: amountSchema,
    // `computeBatchRoot` validates the messages before anything is signed (not parsed twice).
    messages: z.unknown(),
    signers: z.array(account),
  }),
  encodeAttestationProof: z.object({
    attestations: z.array(z.looseObject({ signer: addressSchema, signature: hexSchema })),
  }),
  signBatchAttestation: z.looseObject({ account }),
  encodeZkBatchProof: z.object({ root: uint256, a: pair, b: z.tuple([pair, pair]), c: pair }),
  proveBatch: z.looseObject({
    artifacts: z.looseObject({
      circuit: z.looseObject({ name: z.string() }),
      wasm: z.instanceof(Uint8Array),
      zkey: z.instanceof(Uint8Array),
    }),
    attestations: hexSchema.optional(),
  }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
