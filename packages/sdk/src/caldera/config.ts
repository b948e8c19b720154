import {
  domainNameSchema,
  type SecurityProfile,
  securityProfileSchema,
  type Tier,
  tierSchema,
} from '@caldera/core'
import type { Account, Address, Chain, Client, Transport } from 'viem'
import { z } from 'zod'

const isClient = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { request?: unknown }).request === 'function'
const hasAccount = (value: unknown): boolean =>
  isClient(value) && typeof (value as { account?: { address?: unknown } }).account?.address === 'string'

/** A viem client that reads a domain's chain. */
export type DomainReadClient = Client<Transport, Chain | undefined>
/** A viem client with an account that writes to a domain's chain. */
export type DomainWriteClient = Client<Transport, Chain | undefined, Account>

const addressLike = z.string().regex(/^0x[0-9a-fA-F]{40}$/, { message: 'a 0x-prefixed 20-byte address' })

/** One domain of a {@link createCaldera} config. */
export const calderaDomainConfigSchema = z.object({
  /** Domain name; its id is `domainIdOf(name)`. */
  name: domainNameSchema,
  tier: tierSchema,
  /** Overrides the tier preset (never below it unless the deployment says so explicitly). */
  profile: securityProfileSchema.optional(),
  /** Reads the domain's chain. */
  publicClient: z.custom<DomainReadClient>(isClient, { message: 'a viem client' }),
  /** Signs transactions on the domain's chain (needed by deploy, breaker and privacy writes). */
  walletClient: z
    .custom<DomainWriteClient>(hasAccount, { message: 'a viem client with an account' })
    .optional(),
  /** WebSocket URL of the domain's chain (the breaker watcher subscribes over it). */
  wsUrl: z
    .string()
    .regex(/^wss?:\/\//, { message: 'a ws:// or wss:// URL' })
    .optional(),
  /** Addresses of contracts already deployed for the domain, by component name (`Channel`, `Notary`, …). */
  contracts: z.record(z.string(), addressLike).default({}),
})

/** Config of {@link createCaldera}. */
export const calderaConfigSchema = z
  .object({
    domains: z.array(calderaDomainConfigSchema).min(1, { message: 'at least one domain' }),
    /** Breaker policy input (see `resolvePolicy` of `@caldera/circuit-breaker`); domain tiers are added. */
    breakerPolicy: z.unknown().optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>()
    config.domains.forEach((d, i) => {
      if (seen.has(d.name))
        ctx.addIssue({
          code: 'custom',
          path: ['domains', i, 'name'],
          input: d.name,
          message: 'a name no other domain has',
        })
      seen.add(d.name)
    })
  })

export type CalderaDomainConfig = z.input<typeof calderaDomainConfigSchema>
export type CalderaConfig = z.input<typeof calderaConfigSchema>

/** A domain held by a Caldera instance. `contracts` fills in as the instance deploys. */
export type CalderaDomain = {
  readonly name: string
  readonly tier: Tier
  readonly profile: SecurityProfile | undefined
  readonly domainId: `0x${string}`
  readonly publicClient: DomainReadClient
  readonly walletClient: DomainWriteClient | undefined
  readonly wsUrl: string | undefined
  contracts: Record<string, Address>
}
