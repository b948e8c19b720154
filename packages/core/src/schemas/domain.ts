import { type Hex, keccak256, stringToHex } from 'viem'
import { z } from 'zod'
import { parse } from '../validation/parse.js'
import { addressSchema, amountSchema, chainIdSchema, rpcUrlSchema } from './primitives.js'
import { securityProfileSchema } from './securityProfile.js'
import { tierSchema } from './tier.js'

/** A domain name: lower-case letters, digits and dashes, 1–64 characters (`payments-eu`). */
export const domainNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
  message: 'a name of 1–64 lower-case letters, digits and dashes, e.g. "payments-eu"',
})

/** The on-chain id of a domain: `keccak256` of its name. */
export function domainIdOf(name: string): Hex {
  if (typeof name !== 'string') parse(z.string(), name, 'domain name')
  return keccak256(stringToHex(name))
}

/** A validator bonded to a domain. */
export const validatorSchema = z.object({
  address: addressSchema,
  /** Bonded ERA, in base units. */
  stake: amountSchema,
})
export type Validator = z.infer<typeof validatorSchema>

/** A risk domain: one chain with one tier and the security profile it must meet. */
export const domainConfigSchema = z
  .object({
    name: domainNameSchema,
    tier: tierSchema,
    chainId: chainIdSchema,
    profile: securityProfileSchema,
    /** RPC URL of the domain's chain; omitted for a chain the devnet starts. */
    rpcUrl: rpcUrlSchema.optional(),
  })
  .refine((d) => d.profile.tier === d.tier, {
    message: 'a profile of the same tier as the domain',
    path: ['profile', 'tier'],
  })
export type DomainConfig = z.infer<typeof domainConfigSchema>
export type DomainConfigInput = z.input<typeof domainConfigSchema>
