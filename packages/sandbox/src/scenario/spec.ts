import { domainNameSchema, hexSchema, rpcUrlSchema, tierSchema } from '@caldera/core'
import { z } from 'zod'
import { loadSpecSchema } from '../load/generateLoad.js'

const atS = z.number().nonnegative().max(86_400)

/** A fault or attack injected during a run, `atS` seconds after the load starts. */
export const faultSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('exploit'),
    domain: domainNameSchema,
    atS,
    /** USD of the single anomalous cross-domain transfer (default 1,500,000). */
    usd: z.number().positive().max(1e12).default(1_500_000),
  }),
  z.object({
    kind: z.literal('split-attack'),
    domain: domainNameSchema,
    atS,
    /** Transfers, each under the single-transfer threshold. */
    transfers: z.number().int().min(2).max(10_000).default(40),
    usdEach: z.number().positive().max(1e12).default(900_000),
  }),
  z.object({
    kind: z.literal('validator-drop'),
    domain: domainNameSchema,
    atS,
    /** Validators that leave the set. */
    leaving: z.number().int().min(1).max(100_000).default(1),
  }),
  z.object({
    kind: z.literal('rpc-outage'),
    domain: domainNameSchema,
    atS,
    seconds: z.number().positive().max(600).default(2),
  }),
  z.object({
    kind: z.literal('relayer-restart'),
    atS,
    downSeconds: z.number().nonnegative().max(600).default(1),
  }),
  z.object({
    kind: z.literal('reorg'),
    domain: domainNameSchema,
    atS,
    depth: z.number().int().min(1).max(64).default(2),
  }),
  z.object({
    kind: z.literal('base-fee-spike'),
    domain: domainNameSchema,
    atS,
    /** Next block's base fee, in gwei. */
    gwei: z.number().positive().max(1e6).default(100),
  }),
])
export type FaultSpec = z.infer<typeof faultSpecSchema>

/** One domain of a scenario. */
export const scenarioDomainSchema = z.object({
  name: domainNameSchema,
  tier: tierSchema,
  /** An existing chain to use; when omitted the devnet starts one. */
  rpcUrl: rpcUrlSchema.optional(),
  /** Key of a funded account on `rpcUrl` that pays for setup (dev chains only). */
  privateKey: hexSchema.optional(),
  /** Seconds between blocks of a chain the devnet starts (interval mining). */
  blockTime: z.number().positive().max(60).default(1),
  /** The domain's load; defaults to its tier's profile for the scenario's duration. */
  load: loadSpecSchema.optional(),
})
export type ScenarioDomain = z.infer<typeof scenarioDomainSchema>

/** Objectives checked at the end of a run; a failed one fails the run. */
export const sloSpecSchema = z.object({
  /** Highest p99 inclusion latency per domain (ms). */
  maxLatencyP99Ms: z.number().positive().default(5_000),
  /** Lowest share of accepted transactions included by the end. */
  minInclusionRatio: z.number().min(0).max(1).default(0.99),
  /** Lowest sustained enterprise write rate (writes/s) for domains with an enterprise load of at least this rate. */
  minEnterpriseWritesPerS: z.number().nonnegative().default(500),
  /** Highest breaker trip latency (ms), when an exploit is injected. */
  maxTripLatencyMs: z.number().positive().default(1_000),
  /** Lowest included rate of unaffected domains during a trip over before it. */
  minUnaffectedThroughputRatio: z.number().min(0).max(10).default(0.9),
})
export type SloSpec = z.infer<typeof sloSpecSchema>

/** What `runScenario` runs: domains, their loads, faults, objectives. */
export const scenarioSpecSchema = z
  .object({
    name: z.string().min(1).max(64).default('custom'),
    seed: z
      .number()
      .int()
      .nonnegative()
      .max(2 ** 32 - 1)
      .default(1),
    /** Seconds of load (stages longer than this are cut). */
    durationS: z.number().positive().max(3_600).default(20),
    domains: z.array(scenarioDomainSchema).min(1).max(8),
    faults: z.array(faultSpecSchema).max(100).default([]),
    slos: sloSpecSchema.default(sloSpecSchema.parse({})),
    /** Run the cross-domain system (channels, relayer, breaker watcher, AML) where available. */
    system: z
      .object({
        enabled: z.boolean().default(true),
        /** Cross-domain transfers per second from each domain with value load. */
        crossDomainPerS: z.number().nonnegative().max(1_000).default(4),
      })
      .default({ enabled: true, crossDomainPerS: 4 }),
    /** Directory for `report.json` and `report.html`; no report files when omitted. */
    out: z.string().min(1).optional(),
  })
  .superRefine((spec, ctx) => {
    const names = new Set(spec.domains.map((d) => d.name))
    if (names.size !== spec.domains.length)
      ctx.addIssue({
        code: 'custom',
        path: ['domains'],
        message: 'domains with distinct names',
        input: spec.domains,
      })
    spec.faults.forEach((f, i) => {
      if ('domain' in f && !names.has(f.domain))
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'domain'],
          message: `one of the scenario's domains (${[...names].join(', ')})`,
          input: f.domain,
        })
    })
  })
export type ScenarioSpec = z.infer<typeof scenarioSpecSchema>
export type ScenarioSpecInput = z.input<typeof scenarioSpecSchema>
