import { channelAbi } from '@caldera/contracts'
import type { Tier } from '@caldera/core'
import { encodeFunctionData } from 'viem'
import type { TxIntent } from '../load/profiles.js'
import { createRandom } from '../load/random.js'
import { ERA_PER_MICRO_USD, type SystemDomain } from './deploySystem.js'

/** USD value shape of cross-domain settlement per source tier: median, spread and cap (dollars). */
const valueShape: Record<Tier, { median: number; sigma: number; cap: number }> = {
  financial: { median: 20_000, sigma: 1.2, cap: 400_000 },
  enterprise: { median: 5_000, sigma: 1, cap: 100_000 },
  light: { median: 60, sigma: 0.8, cap: 2_000 },
}

/**
 * Cross-domain settlement of one domain: `perSecond` `Channel.send` calls spread evenly over
 * `seconds`, from its settlement accounts round-robin, to each peer in turn, with values drawn
 * (seeded) from the source tier's shape. Intents index `domain.settlers`; nonces start at 1
 * (nonce 0 approved the channel).
 */
export function crossDomainIntents({
  seed,
  domain,
  peers,
  perSecond,
  seconds,
}: {
  seed: number
  domain: SystemDomain
  peers: readonly SystemDomain[]
  perSecond: number
  seconds: number
}): { intent: TxIntent; at: number }[] {
  const rng = createRandom(seed).fork(`${domain.name}/cross-domain`)
  const count = Math.floor(perSecond * seconds)
  const shape = valueShape[domain.tier]
  const out: { intent: TxIntent; at: number }[] = []
  for (let i = 0; i < count; i++) {
    const peer = peers[i % peers.length]!
    const dollars = Math.min(shape.cap, Math.max(1, rng.logNormal(shape.median, shape.sigma)))
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
