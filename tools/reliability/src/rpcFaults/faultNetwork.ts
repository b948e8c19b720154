import {
  type ChannelNetworkDomain,
  deployChannelNetwork,
  getChannelState,
  settleHeld,
} from '@caldera/circuit-breaker'
import { channelAbi, eraTokenAbi } from '@caldera/contracts'
import { domainIdOf, type Tier } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  http,
  maxUint256,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { type RpcFaultProxy, startRpcFaultProxy } from '../faults/rpcFaultProxy.js'

export const TIERS: readonly Tier[] = ['financial', 'enterprise', 'light']

/** Milliseconds the watcher's HTTP clients wait for an answer (a slow fault delays longer). */
export const WATCHER_HTTP_TIMEOUT_MS = 2_000

/**
 * Three anvil chains (one domain per tier) with the channel network deployed, each behind its own
 * fault proxy for the watcher. The campaign reads and governs through the direct (unproxied)
 * clients; only the watcher goes through the proxies. The watcher signs with its own account
 * (accounts[2], granted BREAKER_ROLE), so its nonces never race governance's (accounts[0]).
 */
export async function startFaultNetwork(): Promise<FaultNetwork> {
  const devnet: Devnet = await startDevnet({ chains: TIERS.map((name) => ({ name, accounts: 3 })) })
  try {
    const { domains } = await deployChannelNetwork({
      domains: TIERS.map((tier) => ({ name: tier, tier, walletClient: devnet.chain(tier).walletClient })),
    })
    const domain = (name: string): ChannelNetworkDomain => domains.find((d) => d.name === name)!
    const proxies = new Map<string, RpcFaultProxy>()
    for (const tier of TIERS)
      proxies.set(tier, await startRpcFaultProxy({ target: devnet.chain(tier).rpcUrl }))
    const proxy = (name: string) => proxies.get(name)!

    for (const tier of TIERS) {
      const chain = devnet.chain(tier)
      const role = await chain.publicClient.readContract({
        address: domain(tier).channel,
        abi: channelAbi,
        functionName: 'BREAKER_ROLE',
      })
      const grant = await chain.walletClient.writeContract({
        address: domain(tier).channel,
        abi: channelAbi,
        functionName: 'grantRole',
        args: [role, chain.accounts[2]!.address],
      })
      await chain.publicClient.waitForTransactionReceipt({ hash: grant, pollingInterval: 20 })
      // The user (accounts[1]) holds tokens and has approved the channel.
      const mint = await chain.walletClient.writeContract({
        address: domain(tier).token,
        abi: eraTokenAbi,
        functionName: 'mint',
        args: [chain.accounts[1]!.address, 10n ** 30n],
      })
      await chain.publicClient.waitForTransactionReceipt({ hash: mint, pollingInterval: 20 })
      const approve = await chain.walletClient.writeContract({
        address: domain(tier).token,
        abi: eraTokenAbi,
        functionName: 'approve',
        args: [domain(tier).channel, maxUint256],
        account: chain.accounts[1]!,
      })
      await chain.publicClient.waitForTransactionReceipt({ hash: approve, pollingInterval: 20 })
    }

    function watcherClients(name: string, kind: 'http' | 'ws') {
      const chain = devnet.chain(name)
      const transport = http(proxy(name).url, { retryCount: 1, timeout: WATCHER_HTTP_TIMEOUT_MS })
      const walletClient = createWalletClient({ account: chain.accounts[2]!, chain: chain.chain, transport })
      if (kind === 'ws') return { wsUrl: proxy(name).wsUrl, walletClient }
      return {
        client: createPublicClient({ chain: chain.chain, transport, pollingInterval: 20 }),
        walletClient,
      }
    }

    /** The user's wallet on a chain (direct). */
    function userWallet(name: string) {
      const chain = devnet.chain(name)
      return { ...chain.walletClient, account: chain.accounts[1]! } as typeof chain.walletClient
    }

    /** Whether `on`'s channel refuses value to and from `peer` (read directly). */
    async function laneCut(on: string, peer: string): Promise<boolean> {
      const [, paused] = await devnet.chain(on).publicClient.readContract({
        address: domain(on).channel,
        abi: channelAbi,
        functionName: 'lane',
        args: [domainIdOf(peer)],
      })
      return paused
    }

    async function isolated(on: string): Promise<boolean> {
      return devnet.chain(on).publicClient.readContract({
        address: domain(on).channel,
        abi: channelAbi,
        functionName: 'isolated',
      })
    }

    /** Governance reopens every lane, lifts every isolation and refunds every held transfer. */
    async function reopenAll(heldIds: Map<string, bigint[]>) {
      await Promise.all(
        TIERS.map(async (tier) => {
          const chain = devnet.chain(tier)
          const write = async (functionName: 'liftIsolation' | 'unpauseLane', args: readonly unknown[]) => {
            const hash = await chain.walletClient.writeContract({
              address: domain(tier).channel,
              abi: channelAbi,
              functionName,
              args,
            } as never)
            await chain.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 })
          }
          for (const id of heldIds.get(tier) ?? [])
            await settleHeld(chain.walletClient, {
              channel: domain(tier).channel,
              heldId: id,
              action: 'refund',
            })
          heldIds.set(tier, [])
          if (await isolated(tier)) await write('liftIsolation', [])
          for (const peer of TIERS)
            if (peer !== tier && (await laneCut(tier, peer))) await write('unpauseLane', [domainIdOf(peer)])
        }),
      )
    }

    /**
     * Value conservation over the three chains: locked − refunded = released + held + in flight
     * (messages sent and not executed on their destination). Returns the difference (0 when whole).
     */
    async function valueImbalance(): Promise<{ lockedNet: bigint; accounted: bigint }> {
      let lockedNet = 0n
      let accounted = 0n
      for (const tier of TIERS) {
        const chain = devnet.chain(tier)
        const state = await getChannelState(chain.publicClient, { channel: domain(tier).channel })
        lockedNet += state.totals.locked - state.totals.refunded
        accounted += state.totals.released + state.totals.held
        const sent = await chain.publicClient.getContractEvents({
          address: domain(tier).channel,
          abi: channelAbi,
          eventName: 'MessageSent',
          fromBlock: 0n,
        })
        for (const log of sent) {
          const to = TIERS.find((d) => domainIdOf(d) === log.args.destinationDomain)!
          const done = await devnet.chain(to).publicClient.readContract({
            address: domain(to).channel,
            abi: channelAbi,
            functionName: 'executed',
            args: [domainIdOf(tier), log.args.nonce!],
          })
          if (!done) accounted += log.args.amount!
        }
      }
      return { lockedNet, accounted }
    }

    async function stop() {
      for (const p of proxies.values()) await p.close().catch(() => undefined)
      await devnet.stop()
    }

    return {
      devnet,
      domains: [...domains],
      domain,
      proxy,
      watcherClients,
      userWallet,
      laneCut,
      isolated,
      reopenAll,
      valueImbalance,
      stop,
    }
  } catch (error) {
    await devnet.stop()
    throw error
  }
}

/** The campaign's network: chains, channel network, one fault proxy per chain. */
export type FaultNetwork = {
  devnet: Devnet
  domains: ChannelNetworkDomain[]
  domain(name: string): ChannelNetworkDomain
  proxy(name: string): RpcFaultProxy
  /**
   * The watcher's view of a chain, through that chain's proxy: reads over HTTP polling (`client`)
   * or a WebSocket (`wsUrl`); writes over HTTP.
   */
  watcherClients(
    name: string,
    transport: 'http' | 'ws',
  ): { client?: PublicClient; wsUrl?: string; walletClient: WalletClient<Transport, Chain, Account> }
  userWallet(name: string): Devnet['chains'][number]['walletClient']
  laneCut(on: string, peer: string): Promise<boolean>
  isolated(on: string): Promise<boolean>
  reopenAll(heldIds: Map<string, bigint[]>): Promise<void>
  valueImbalance(): Promise<{ lockedNet: bigint; accounted: bigint }>
  stop(): Promise<void>
}

/** Waits until `check` holds (polling every 20 ms); false after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return true
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 20))
  }
}
