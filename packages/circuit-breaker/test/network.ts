import { channelAbi, eraTokenAbi } from '@caldera/contracts'
import type { Tier } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { type Address, getContract, type Hex, maxUint256 } from 'viem'
import { waitForTransactionReceipt } from 'viem/actions'
import { type ChannelNetworkDomain, deployChannelNetwork } from '../src/actions/deployChannelNetwork.js'
import type { BreakerPolicy } from '../src/policy/policy.js'
import type { WatcherDomain } from '../src/watcher/createWatcher.js'

export const TIERS: Tier[] = ['financial', 'enterprise', 'light']

/** Starts three anvil chains (one per tier) and deploys the channel network on them. */
export async function startNetwork(
  options: { policy?: BreakerPolicy; blockTime?: number; verification?: 'attestation' | 'tiered' } = {},
) {
  const devnet: Devnet = await startDevnet({
    chains: TIERS.map((name) => ({
      name,
      accounts: 4,
      ...(options.blockTime ? { blockTime: options.blockTime } : {}),
    })),
  })
  const { domains } = await deployChannelNetwork({
    domains: TIERS.map((tier) => ({ name: tier, tier, walletClient: devnet.chain(tier).walletClient })),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.verification ? { verification: options.verification, challengeWindowSeconds: 2 } : {}),
  })
  const domain = (name: string): ChannelNetworkDomain => domains.find((d) => d.name === name)!
  /** Gives `user` (accounts[1]) tokens on a chain and approves the channel. */
  async function fundUser(name: string, amount: bigint) {
    const chain = devnet.chain(name)
    const d = domain(name)
    const user = chain.accounts[1]!
    const token = getContract({ address: d.token, abi: eraTokenAbi, client: chain.walletClient })
    await waitForTransactionReceipt(chain.publicClient, {
      hash: await token.write.mint([user.address, amount]),
    })
    const hash = await chain.walletClient.writeContract({
      address: d.token,
      abi: eraTokenAbi,
      functionName: 'approve',
      args: [d.channel, maxUint256],
      account: user,
    })
    await waitForTransactionReceipt(chain.publicClient, { hash })
    return user
  }
  async function totals(name: string, blockNumber?: bigint) {
    const chain = devnet.chain(name)
    const c = getContract({ address: domain(name).channel, abi: channelAbi, client: chain.publicClient })
    const at = blockNumber === undefined ? {} : { blockNumber }
    const [locked, released, held, refunded] = await Promise.all([
      c.read.totalLocked(at),
      c.read.totalReleased(at),
      c.read.totalHeld(at),
      c.read.totalRefunded(at),
    ])
    return { locked, released, held, refunded }
  }
  async function lanePaused(on: string, peer: Hex): Promise<boolean> {
    const [, paused] = await devnet.chain(on).publicClient.readContract({
      address: domain(on).channel,
      abi: channelAbi,
      functionName: 'lane',
      args: [peer],
    })
    return paused
  }
  /** The network's domains as `createWatcher` takes them, followed over WebSocket or over HTTP polling. */
  function watcherDomains(via: 'ws' | 'http' = 'ws'): WatcherDomain[] {
    return domains.map((d) => ({
      name: d.name,
      tier: d.tier,
      channel: d.channel,
      ...(via === 'ws'
        ? { wsUrl: devnet.chain(d.name).wsUrl }
        : { client: devnet.chain(d.name).publicClient }),
      walletClient: devnet.chain(d.name).walletClient,
    }))
  }
  return { devnet, domains, domain, fundUser, totals, lanePaused, watcherDomains }
}

export type Network = Awaited<ReturnType<typeof startNetwork>>

/** Waits until `check` holds (polling every 10 ms) or throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition') {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export type { Address }
