import {
  ERA_DECIMALS,
  formatUsd,
  minTotalStake,
  type SecurityProfile,
  type Tier,
  tierPresets,
  weakerTier,
} from '@caldera/core'
import { LaneLimitAboveStakeError } from '../errors/breaker.js'
import { check, checkPolicy, inputSchemas } from '../internal/inputs.js'
import { type BreakerPolicy, tierOfDomain } from './policy.js'

export type AssertLaneLimitsParameters = {
  policy: BreakerPolicy
  /** Domains to check pairwise; `profile` defaults to the tier preset. */
  domains: readonly {
    name: string
    tier?: Tier
    profile?: Pick<SecurityProfile, 'minValidators' | 'minStakePerValidator'>
  }[]
  /** Micro-dollars per ERA; defaults to the policy's `eraUsd`. */
  eraUsd?: bigint
}

/**
 * The rolling limit of the lane between two domains: the smaller of both sides' lane limits.
 *
 * @example
 * import { laneLimitUsd, resolvePolicy } from '@caldera/circuit-breaker'
 * laneLimitUsd(resolvePolicy(), 'financial', 'light') // 1000000000000n (1,000,000 USD)
 */
export function laneLimitUsd(policy: BreakerPolicy, a: string, b: string): bigint {
  checkPolicy(policy)
  check(inputSchemas.domainName, a, 'domain a')
  check(inputSchemas.domainName, b, 'domain b')
  const la = policy.tiers[tierOfDomain(policy, a)].rolling.laneLimitUsd
  const lb = policy.tiers[tierOfDomain(policy, b)].rolling.laneLimitUsd
  if (la < lb) return la
  return lb
}

/**
 * USD value (micro-dollars) of a profile's minimum total stake at `eraUsd` micro-dollars per ERA.
 *
 * @example
 * import { stakeUsd } from '@caldera/circuit-breaker'
 * import { tierPresets } from '@caldera/core'
 * stakeUsd(tierPresets.light, 4_000_000n) // 2000000000000n (2,000,000 USD)
 */
export function stakeUsd(
  profile: Pick<SecurityProfile, 'minValidators' | 'minStakePerValidator'>,
  eraUsd: bigint,
): bigint {
  return (minTotalStake(profile) * eraUsd) / 10n ** BigInt(ERA_DECIMALS)
}

/**
 * Refuses a policy in which a lane's rolling limit exceeds the USD value of the minimum total
 * stake (validators × stake each) of the lane's weaker side. Throws
 * {@link LaneLimitAboveStakeError} naming the lane, the limit and the stake.
 *
 * @example
 * import { assertLaneLimits, resolvePolicy } from '@caldera/circuit-breaker'
 * assertLaneLimits({ policy: resolvePolicy(), domains: [{ name: 'financial' }, { name: 'light' }] })
 */
export function assertLaneLimits(parameters: AssertLaneLimitsParameters): void {
  check(inputSchemas.laneLimits, parameters, 'lane limit parameters')
  const { policy, domains } = parameters
  const eraUsd = parameters.eraUsd ?? policy.eraUsd
  const infos = domains.map((d) => {
    const tier = d.tier ?? tierOfDomain(policy, d.name)
    return { name: d.name, tier, profile: d.profile ?? tierPresets[tier] }
  })
  for (let i = 0; i < infos.length; i++)
    for (let j = i + 1; j < infos.length; j++) {
      const a = infos[i]!
      const b = infos[j]!
      const limit = laneLimitUsd(
        { ...policy, domains: { ...policy.domains, [a.name]: a.tier, [b.name]: b.tier } },
        a.name,
        b.name,
      )
      const sa = stakeUsd(a.profile, eraUsd)
      const sb = stakeUsd(b.profile, eraUsd)
      const weaker = sa < sb || (sa === sb && weakerTier(a.tier, b.tier) === a.tier) ? a : b
      const stake = weaker === a ? sa : sb
      if (limit > stake)
        throw new LaneLimitAboveStakeError({
          lane: `${a.name}<->${b.name}`,
          limitUsd: formatUsd(limit),
          stakeUsd: formatUsd(stake),
          weaker: `${weaker.name}, ${weaker.tier}`,
        })
    }
}
