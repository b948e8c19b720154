import {
  type BreakerPolicy,
  type CircuitBreaker,
  type CreateCircuitBreakerParameters,
  type CreateWatcherParameters,
  createCircuitBreaker,
  createWatcher,
  type GetChannelStateReturnType,
  getChannelState,
  isolateDomain,
  resolvePolicy,
  type SendTransferReturnType,
  sendTransfer,
  type Watcher,
} from '@caldera/circuit-breaker'
import type { Address, Hash } from 'viem'
import type { CalderaDomain } from './config.js'
import { MissingContractError, MissingWalletError } from './errors.js'

/** Breaker actions of a Caldera instance (`caldera.breaker`), built on `@caldera/circuit-breaker`. */
export type CalderaBreakerActions = {
  /** The resolved breaker policy, with every domain's tier. */
  readonly policy: BreakerPolicy
  /** An off-chain breaker (detectors + state machine per domain) under the instance's policy. */
  createCircuitBreaker(options?: Omit<CreateCircuitBreakerParameters, 'policy'>): CircuitBreaker
  /** A watcher that follows every domain's `Channel` and isolates an anomalous domain on every chain. */
  createWatcher(options?: Omit<CreateWatcherParameters, 'domains' | 'policy'>): Watcher
  /** Isolates `domain` on every domain's channel: its own channel closes every lane, each peer pauses its lane to it. */
  isolate(domain: string): Promise<{ chain: string; hash: Hash }[]>
  /** Reads a domain's channel: isolation flag, totals and its lanes to every other domain. */
  state(domain: string): Promise<GetChannelStateReturnType>
  /** Sends tokens from `from` to another domain through `from`'s channel (held in the same tx when anomalous). */
  send(
    from: string,
    transfer: { toDomain: string; recipient: Address; amount: bigint },
  ): Promise<SendTransferReturnType>
}

export function breakerActions(
  domains: readonly CalderaDomain[],
  domainOf: (name: string) => CalderaDomain,
  policyInput: unknown,
): CalderaBreakerActions {
  const base = resolvePolicy(policyInput ?? {})
  const policy: BreakerPolicy = {
    ...base,
    domains: { ...base.domains, ...Object.fromEntries(domains.map((d) => [d.name, d.tier])) },
  }
  const channelOf = (d: CalderaDomain) => {
    const channel = d.contracts.Channel
    if (!channel) throw new MissingContractError({ domain: d.name, contract: 'Channel' })
    return channel
  }
  const walletOf = (d: CalderaDomain) => {
    if (!d.walletClient) throw new MissingWalletError({ domain: d.name })
    return d.walletClient
  }
  return {
    policy,
    createCircuitBreaker: (options = {}) => createCircuitBreaker({ policy, ...options }),
    createWatcher: (options = {}) =>
      createWatcher({
        ...options,
        policy,
        domains: domains.map((d) => ({
          name: d.name,
          tier: d.tier,
          channel: channelOf(d),
          walletClient: walletOf(d),
          ...(d.wsUrl ? { wsUrl: d.wsUrl } : { client: d.publicClient }),
        })),
      }),
    async isolate(name) {
      domainOf(name)
      return Promise.all(
        domains.map(async (d) => {
          const { hash } = await isolateDomain(walletOf(d), { channel: channelOf(d), domain: name })
          return { chain: d.name, hash }
        }),
      )
    },
    state(name) {
      const d = domainOf(name)
      return getChannelState(d.publicClient, {
        channel: channelOf(d),
        peers: domains.filter((p) => p.name !== name).map((p) => p.name),
      })
    },
    send(from, transfer) {
      const d = domainOf(from)
      domainOf(transfer.toDomain)
      return sendTransfer(walletOf(d), { channel: channelOf(d), ...transfer })
    },
  }
}
