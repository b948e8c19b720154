import { addressSchema, hexSchema, parse } from '@caldera/core'
import { z } from 'zod'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: what })
const record = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  { message: 'an object' },
)
const iterable = z.custom<Iterable<unknown>>(
  (v) =>
    typeof v === 'object' && v !== null && typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function',
  { message: 'an array or iterable' },
)
const time = z.number().finite()
const amount = z.bigint().nonnegative()

const alert = z.looseObject({
  id: z.string(),
  ruleId: z.string(),
  accounts: z.array(z.string()),
  evidence: z.array(z.string()),
})
const rateSource = z.looseObject({ rate: fn('a rate source (createRateSource)'), pivot: z.string() })
const obligation = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  currency: z.string().min(1),
  amount,
})
const sanctionsList = z.looseObject({
  name: z.string(),
  versionAt: fn('a sanctions list (createSanctionsList)'),
})
const party = z.looseObject({ type: z.enum(['natural', 'legal']) })
const transaction = z.looseObject({ from: z.string(), to: z.string(), usd: amount, timestamp: time })

export const inputSchemas = {
  alerts: z.object({ alerts: z.array(alert) }),
  exportCases: z.object({ alerts: z.array(alert), format: z.enum(['json', 'csv']) }),
  ivms: z.looseObject({
    originator: party,
    beneficiary: party,
    originatingVasp: record,
    beneficiaryVasp: record.optional(),
  }),
  convert: z.looseObject({ rates: rateSource }),
  amlMonitor: z.object({
    config: record.optional(),
    sanctions: z.array(sanctionsList).optional(),
    keepAlerts: z.boolean().optional(),
  }),
  replayAml: z.looseObject({ transactions: iterable }),
  pvpEscrow: z.object({ sanctionsList: addressSchema.optional(), implementation: addressSchema.optional() }),
  sanctionsRegistry: z.object({ admin: addressSchema.optional(), implementation: addressSchema.optional() }),
  evaluateAml: z.object({
    dataset: z.looseObject({ transactions: z.array(transaction), patterns: z.array(record) }),
    alerts: z.array(alert),
  }),
  isoAmount: z.tuple([z.bigint(), z.number().int().min(0).max(36)]),
  htlcLock: z.object({ htlc: addressSchema, lockId: hexSchema }),
  pvpTrade: z.object({ escrow: addressSchema, tradeId: hexSchema }),
  preimage: hexSchema.refine((h) => h.length % 2 === 0, 'whole bytes (an even number of hex digits)'),
  pacs009: z.looseObject({
    instructions: z.array(obligation),
    agents: record,
    messageIdPrefix: z.string().min(1),
    createdAt: z.date().refine((d) => !Number.isNaN(d.getTime()), 'a valid Date'),
  }),
  sanctionedOnChain: z.object({ registry: addressSchema, account: addressSchema }),
  listedIn: z.tuple([z.array(z.looseObject({ from: time, to: time.optional(), version: z.string() })), time]),
  netting: z.object({
    obligations: z.array(obligation),
    rates: rateSource.optional(),
    decimals: z.record(z.string(), z.number().int().min(0).max(36)).optional(),
  }),
  text: z.string(),
  transactionFile: z.object({ path: z.string().min(1) }),
  syncRegistry: z.object({
    registry: addressSchema,
    list: sanctionsList,
    at: time,
    batchSize: z.number().int().min(1).max(10_000).optional(),
  }),
  amlSimCsv: z.looseObject({ transactions: z.array(transaction) }),
  auditLog: z.object({
    entries: z.array(
      z.looseObject({
        seq: z.number().int().nonnegative(),
        kind: z.string(),
        at: time,
        prevHash: hexSchema,
        hash: hexSchema,
      }),
    ),
    expectedHead: hexSchema.optional(),
  }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
