import { addressSchema, chainIdSchema, parse, tierSchema } from '@caldera/core'
import { z } from 'zod'
import { stageSchema } from '../load/stages.js'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: what })
const map = z.instanceof(Map, { message: 'a Map' })
const client = z.looseObject({ request: fn('a viem client') })
const url = z.string().regex(/^(https?|wss?):\/\/\S+$/, { message: 'an http(s) or ws(s) URL' })
const seed = z.number().int().nonnegative()
const ms = z.number().finite().nonnegative()
const positive = z.number().finite().positive()
const systemDomain = z.looseObject({ name: z.string().min(1), tier: tierSchema, domainId: z.string() })
const report = z.looseObject({
  slos: z.array(z.looseObject({ pass: z.boolean() })),
  domains: z.array(z.looseObject({})),
})

export const inputSchemas = {
  crossDomain: z.object({
    seed,
    domain: systemDomain,
    peers: z.array(systemDomain),
    perSecond: positive,
    seconds: positive,
  }),
  defaultStages: z.tuple([z.enum(['financial', 'enterprise', 'light']), positive]),
  deploySystem: z.looseObject({
    seed,
    domains: z.array(
      z.looseObject({
        name: z.string().min(1),
        tier: tierSchema,
        chainId: chainIdSchema,
        rpcUrl: url,
        adminWallet: client,
        publicClient: client,
      }),
    ),
  }),
  accounts: z.object({ seed, label: z.string(), count: z.number().int().min(0).max(100_000) }),
  slos: z.object({ spec: z.looseObject({ slos: z.looseObject({}) }), report }),
  progress: z.looseObject({ phase: z.enum(['setup', 'signing', 'drain', 'report', 'load', 'fault']) }),
  summary: z.object({ report, htmlPath: z.string().optional() }),
  generateLoad: z.object({ seed, label: z.string(), spec: z.looseObject({}), targets: z.looseObject({}) }),
  loadMetrics: z.looseObject({
    domain: z.string().min(1),
    tier: tierSchema,
    txs: z.array(z.looseObject({})),
    submit: z.looseObject({}),
    blocks: map,
    runStart: ms,
    reorgs: z.number().int().nonnegative().optional(),
    receipts: map.optional(),
  }),
  numbers: z.array(z.number().finite()),
  stages: z.lazy(() => z.array(stageSchema)),
  presign: z.looseObject({
    chainId: chainIdSchema,
    intents: z.array(z.looseObject({ at: ms })),
    accounts: z.array(z.looseObject({})),
    nonces: z.array(z.number().int().nonnegative()).optional(),
    maxFeePerGas: z.bigint().nonnegative(),
    maxPriorityFeePerGas: z.bigint().nonnegative(),
  }),
  report,
  rpcBatch: z.object({
    url,
    calls: z.array(z.looseObject({ method: z.string().min(1) })),
    timeoutMs: positive.optional(),
  }),
  rpcCall: z.object({
    url,
    method: z.string().min(1),
    params: z.array(z.unknown()),
    timeoutMs: positive.optional(),
  }),
  preset: z.object({
    name: z.enum(['financial', 'enterprise', 'light', 'isolation-drill']),
    durationS: positive.max(3_600).optional(),
    seed: seed.optional(),
  }),
  sendSigned: z.object({
    rpcUrl: url,
    chainId: chainIdSchema,
    calls: z.array(z.looseObject({})),
    maxFeePerGas: z.bigint().nonnegative().optional(),
    timeoutMs: positive.optional(),
    what: z.string(),
    allowRevert: z.boolean().optional(),
  }),
  setupLoad: z.looseObject({
    walletClient: client,
    publicClient: client,
    gasAccounts: z.array(addressSchema),
    gasEach: z.bigint().nonnegative().optional(),
    dollarAccounts: z.array(addressSchema).optional(),
    dollarsEach: z.bigint().nonnegative().optional(),
  }),
  startSystem: z.object({
    domains: z.array(systemDomain),
    queueDir: z.string().min(1),
    runStart: fn('a function () => ms'),
  }),
  submit: z.looseObject({
    rpcUrl: url,
    txs: z.array(z.looseObject({})),
    startAt: ms.optional(),
    batchSize: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().optional(),
    timeoutMs: positive.optional(),
  }),
  trackBlocks: z.object({
    rpcUrl: url,
    intervalMs: positive.optional(),
    receipts: z.boolean().optional(),
    fromBlock: z.number().int().nonnegative().optional(),
    onBlock: fn('a function (block) => void').optional(),
  }),
  tripLatency: z.object({
    exploitHash: z.string().optional(),
    trippedAt: ms.optional(),
    isolatedAt: ms.optional(),
    blocks: map.optional(),
  }),
  unaffected: z.object({
    trippedAt: ms,
    loadStart: ms,
    loadEnd: ms,
    domains: z.array(z.object({ blocks: map, ours: z.instanceof(Set, { message: 'a Set' }) })),
    warmupMs: ms.optional(),
  }),
  writeReport: z.object({ report, dir: z.string().min(1) }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
