import { channelAbi } from '@caldera/contracts'
import type { Tier } from '@caldera/core'
import { createRandom } from '@caldera/core'
import { encodeFunctionData } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import type { TxIntent } from '../load/profiles.js'
import { ERA_PER_MICRO_USD, type SystemDomain } from './deploySystem.js'

/** USD value shape of cross-domain settlement per source tier: median, spread and cap (dollars). */
const valueShape: Record<Tier, { median: number; sigma: number; cap: number }> = {
  financial: { median: 20_000, sigma: 1.2, cap: 400_000 },
  enterprise: { median: 5_000, sigma: 1, cap: 100_000 },
  light: { median: 60, sigma: 0.8, cap: 2_000 },
}

/** Share of a lane's rolling-window limit the benign settlement of a run may use. */
export const LANE_BUDGET_SHARE = 0.3

/**
 * Cross-domain settlement of one domain: `perSecond` `Channel.send` calls spread evenly over
 * `seconds`, from its settlement accounts round-robin, to each peer in turn, with values drawn
 * (seeded) from the source tier's shape. Benign traffic must not trip the breaker, so each lane's
 * values are scaled to use at most `LANE_BUDGET_SHARE` (30 %) of its rolling-window limit over the
 * run. Intents index `domain.settlers`; nonces start at 1 (nonce 0 approved the channel).
 */
export function crossDomainIntents(options: {
  seed: number
  domain: SystemDomain
  peers: readonly SystemDomain[]
  perSecond: number
  seconds: number
}): { intent: TxIntent; at: number }[] {
  check(inputSchemas.crossDomain, options, 'crossDomainIntents options')
  const { seed, domain, peers, perSecond, seconds } = options
  const rng = createRandom(seed).fork(`${domain.name}/cross-domain`)
  const count = Math.floor(perSecond * seconds)
  const shape = valueShape[domain.tier]
  const out: { intent: TxIntent; at: number }[] = []
  const perLane = Math.max(1, Math.ceil(count / Math.max(1, peers.length)))
  const used = new Map<string, number>()
  for (let i = 0; i < count; i++) {
    const peer = peers[i % peers.length]!
    const budget = (Number(domain.laneLimitUsd[peer.name] ?? 0n) / 1e6) * LANE_BUDGET_SHARE
    const mean = budget / perLane
    const median = Math.min(shape.median, mean / Math.exp((shape.sigma * shape.sigma) / 2))
    const cap = Math.min(shape.cap, 4 * mean, budget - (used.get(peer.name) ?? 0))
    const dollars = Math.max(1, Math.min(cap, rng.logNormal(median, shape.sigma)))
    used.set(peer.name, (used.get(peer.name) ?? 0) + dollars)
    const usd = BigInt(Math.round(dollars * 100)) * 10_000n
    const recipient = peer.settlers[i % peer.settlers.length]!.address
    out.push({
      at: Math.round(((i + 0.5) * 1000) / perSecond),
      intent: {
        profile: 'financial',
        kind: 'crossDomain',
        sender: i % domain.settlers.length,
        to: domain.channel,
        data: encodeFunctionData({
          abi: channelAbi,
          functionName: 'send',
          args: [peer.domainId, recipient, usd * ERA_PER_MICRO_USD],
        }),
        value: 0n,
        gas: 250_000n,
        usd,
        counterparty: recipient,
      },
    })
  }
  return out
}
