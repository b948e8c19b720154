import { z } from 'zod'
import { CalderaError } from '../errors/base.js'
import { parse } from '../validation/parse.js'

/** The three risk tiers, from the most to the least demanding. */
export const tiers = ['financial', 'enterprise', 'light'] as const

/** A scenario risk tier: `financial` > `enterprise` > `light`. */
export const tierSchema = z.enum(tiers)
export type Tier = z.infer<typeof tierSchema>

/** Proof systems for outgoing cross-domain messages, from the strongest to the weakest. */
export const proofSystems = ['zk', 'hybrid', 'simplified'] as const

/** How a domain's outgoing message batches are verified. */
export const proofSystemSchema = z.enum(proofSystems)
export type ProofSystem = z.infer<typeof proofSystemSchema>

const tierRanks: Record<Tier, number> = { financial: 3, enterprise: 2, light: 1 }
const proofRanks: Record<ProofSystem, number> = { zk: 3, hybrid: 2, simplified: 1 }

/** The rank of a tier or proof system; anything else (including `toString`, `__proto__`) is refused. */
function rankOf(ranks: Record<string, number>, schema: z.ZodType, value: unknown, subject: string): number {
  if (typeof value === 'string' && Object.hasOwn(ranks, value)) return ranks[value] as number
  parse(schema, value, subject)
  throw new CalderaError(`Unknown ${subject} ${String(value)}.`)
}

/**
 * Orders tiers by risk: positive when `a` is more demanding than `b`.
 *
 * @example
 * compareTiers('financial', 'light') // > 0
 */
export function compareTiers(a: Tier, b: Tier): number {
  return rankOf(tierRanks, tierSchema, a, 'tier a') - rankOf(tierRanks, tierSchema, b, 'tier b')
}

/**
 * Orders proof systems by strength: positive when `a` is stronger than `b`.
 *
 * @example
 * compareProofSystems('hybrid', 'zk') // < 0
 */
export function compareProofSystems(a: ProofSystem, b: ProofSystem): number {
  return (
    rankOf(proofRanks, proofSystemSchema, a, 'proof system a') -
    rankOf(proofRanks, proofSystemSchema, b, 'proof system b')
  )
}

/** The weaker (less demanding) of two tiers, e.g. the tier that bounds a lane between them. */
export function weakerTier(a: Tier, b: Tier): Tier {
  return compareTiers(a, b) <= 0 ? a : b
}

/** Numeric tier code used on chain (`financial` = 0, `enterprise` = 1, `light` = 2). */
export function tierToCode(tier: Tier): number {
  return tiers.indexOf(parse(tierSchema, tier, 'tier'))
}

/** Inverse of {@link tierToCode}. */
export function tierFromCode(code: number | bigint): Tier {
  parse(z.union([z.number().int(), z.bigint()]), code, 'tier code')
  const tier = tiers[Number(code)]
  if (!tier)
    throw new CalderaError(`Unknown tier code ${code}.`, {
      hint: 'Use 0 (financial), 1 (enterprise) or 2 (light).',
    })
  return tier
}
