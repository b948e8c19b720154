import { addressSchema, bytes32Schema, hexSchema, parse, tierSchema } from '@caldera/core'
import { z } from 'zod'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

const gwei = z.bigint().nonnegative()
const bytes = z.union([hexSchema, z.instanceof(Uint8Array)])
const prices = z.object({ baseFee: gwei, priorityFee: gwei, blobBaseFee: gwei })
const altDa = z.object({
  name: z.string().min(1),
  weiPerByte: gwei,
  fixedWei: gwei.optional(),
  commitmentBytes: z.number().int().nonnegative().optional(),
})
const size = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 40)
const codec = z.enum(['none', 'zlib', 'brotli'])
const component = z.looseObject({
  name: z.string().min(1),
  kind: z.enum(['perDomain', 'shared']),
  bytecode: hexSchema,
  deployedBytecode: hexSchema,
  tiers: z.array(tierSchema).optional(),
})
const stack = z.array(component)
const estimator = z.enum(['auto', 'simulate', 'estimateGas'])

export const inputSchemas = {
  altDaCost: z.object({ size, altDa, prices }),
  blobCost: z.object({
    size,
    prices,
    executionGas: gwei.optional(),
    usableBytesPerBlob: z.number().int().positive().optional(),
  }),
  calldataGas: z.object({ data: bytes, executionGas: gwei.optional() }),
  calldataCost: z.object({ data: bytes, prices, executionGas: gwei.optional() }),
  compareDaCosts: z.looseObject({
    transactions: z.array(hexSchema),
    prices,
    altDa: z.array(altDa).optional(),
    ethUsd: gwei.optional(),
  }),
  name: z.string(),
  compress: z.object({ data: z.instanceof(Uint8Array), codec }),
  create2: z.object({ from: addressSchema, salt: bytes32Schema, initCode: hexSchema }),
  batch: z.object({ batch: hexSchema }),
  encodeBatch: z.object({ transactions: z.array(hexSchema), codec }),
  component,
  deployDomain: z.looseObject({
    config: z.unknown(),
    stack: stack.optional(),
    estimator: estimator.optional(),
  }),
  domainSalt: z.object({ deployer: addressSchema, domainId: bytes32Schema, key: bytes32Schema }),
  blobBaseFee: z.looseObject({ baseFee: gwei, blobBaseFee: gwei }),
  address: addressSchema,
  plan: z.looseObject({
    config: z.looseObject({}),
    chainId: z.number().int().positive(),
    deployer: addressSchema,
    addresses: z.looseObject({
      implementations: z.record(z.string(), z.string()),
      contracts: z.record(z.string(), z.string()),
    }),
    steps: z.array(z.looseObject({})),
  }),
  execute: z.object({ plan: z.looseObject({ deployer: addressSchema, steps: z.array(z.looseObject({})) }) }),
  implementation: z.object({ bytecode: hexSchema, salt: bytes32Schema }),
  planDeployment: z.looseObject({
    config: z.unknown(),
    deployer: addressSchema.optional(),
    stack: stack.optional(),
    estimator: estimator.optional(),
  }),
  predict: z.looseObject({ config: z.unknown(), deployer: addressSchema, stack: stack.optional() }),
  runtime: hexSchema.refine((h) => h.length % 2 === 0, 'whole bytes (an even number of hex digits)'),
  stackForTier: z.object({ stack, tier: tierSchema }),
  validateConfig: z.object({ config: z.unknown(), stack }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
