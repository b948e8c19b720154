import {
  type ChannelNetworkDomain,
  configureLane,
  deployChannelNetwork,
  devValidators,
} from '@caldera/circuit-breaker'
import { channelAbi, eraTokenAbi } from '@caldera/contracts'
import type { Tier } from '@caldera/core'
import { type Devnet, type DevnetChain, startDevnet } from '@caldera/devnet'
import { type Address, type Hex, keccak256, maxUint256, stringToHex } from 'viem'
import { readContract, waitForTransactionReceipt, writeContract } from 'viem/actions'

/** The three domains of every campaign network, one anvil chain each. */
export const DOMAINS = ['financial', 'enterprise', 'light'] as const satisfies readonly Tier[]
export type DomainName = (typeof DOMAINS)[number]

/** Tight on-chain guard limits (token base units), so holds by every guard rule happen within a few steps. */
export const LANE_LIMITS = {
  maxTransfer: 1_000n * 10n ** 18n,
  windowLimit: 3_000n * 10n ** 18n,
  windowSeconds: 3_600,
  bucketCapacity: 2_000n * 10n ** 18n,
  refillPerSecond: 1n * 10n ** 18n,
} as const

/** Accounts: 0 deploys and governs, 1–2 are users, 3 runs the relayer process, 4 the watcher process. */
export const ACCOUNTS = { users: [1, 2], relayer: 3, watcher: 4 } as const

/** A campaign's network: three anvil chains with the real channel network deployed on them. */
export type CampaignNetwork = {
  devnet: Devnet
  domains: ChannelNetworkDomain[]
  domain(name: string): ChannelNetworkDomain
  chain(name: string): DevnetChain
  /** Token balance of each channel right after deployment (its delivery liquidity). */
  liquidity: Record<string, bigint>
  /** Last block of the deployment on each chain (events are read from here; it holds none of the channel). */
  baseBlock: Record<string, bigint>
  /** Reverts every chain to the deployed state (and takes a fresh snapshot for the next run). */
  revert(): Promise<void>
  stop(): Promise<void>
}

async function mined(chain: DevnetChain, hash: Hex) {
  const receipt = await waitForTransactionReceipt(chain.publicClient, { hash, pollingInterval: 20 })
  if (receipt.status !== 'success') throw new Error(`Setup transaction ${hash} reverted on ${chain.name}.`)
}

/**
 * Starts three anvil chains, deploys the channel network the circuit-breaker package deploys
 * (token, attestation verifier, channel with a lane per peer), tightens every lane's guard to
 * {@link LANE_LIMITS}, funds two users per chain, grants the watcher account BREAKER_ROLE and
 * snapshots every chain.
 */
export async function startCampaignNetwork(): Promise<CampaignNetwork> {
  const devnet = await startDevnet({ chains: DOMAINS.map((name) => ({ name, accounts: 6 })) })
  try {
    const { domains } = await deployChannelNetwork({
      domains: DOMAINS.map((tier) => ({ name: tier, tier, walletClient: devnet.chain(tier).walletClient })),
    })
    const domain = (name: string) => {
      const d = domains.find((x) => x.name === name)
      if (!d) throw new Error(`Unknown domain ${name}.`)
      return d
    }
    const liquidity: Record<string, bigint> = {}
    const baseBlock: Record<string, bigint> = {}
    await Promise.all(
      DOMAINS.map(async (name) => {
        const chain = devnet.chain(name)
        const d = domain(name)
        for (const peer of DOMAINS) {
          if (peer === name) continue
          await configureLane(chain.walletClient, {
            channel: d.channel,
            peer,
            verifier: d.verifier,
            ...LANE_LIMITS,
          })
        }
        const breakerRole = keccak256(stringToHex('BREAKER_ROLE'))
        await mined(
          chain,
          await writeContract(chain.walletClient, {
            address: d.channel,
            abi: channelAbi,
            functionName: 'grantRole',
            args: [breakerRole, chain.accounts[ACCOUNTS.watcher]!.address],
          } as never),
        )
        for (const index of ACCOUNTS.users) {
          const user = chain.accounts[index]!
          await mined(
            chain,
            await writeContract(chain.walletClient, {
              address: d.token,
              abi: eraTokenAbi,
              functionName: 'mint',
              args: [user.address, 1_000_000n * 10n ** 18n],
            } as never),
          )
          await mined(
            chain,
            await writeContract(chain.walletClient, {
              address: d.token,
              abi: eraTokenAbi,
              functionName: 'approve',
              args: [d.channel, maxUint256],
              account: user,
            } as never),
          )
        }
        liquidity[name] = (await readContract(chain.publicClient, {
          address: d.token,
          abi: eraTokenAbi,
          functionName: 'balanceOf',
          args: [d.channel],
        })) as bigint
        baseBlock[name] = await chain.publicClient.getBlockNumber({ cacheTime: 0 })
      }),
    )
    const snapshots = new Map<string, Hex>()
    const snapshotAll = async () => {
      for (const name of DOMAINS) snapshots.set(name, await devnet.chain(name).testClient.snapshot())
    }
    await snapshotAll()
    return {
      devnet,
      domains,
      domain,
      chain: (name) => devnet.chain(name),
      liquidity,
      baseBlock,
      async revert() {
        for (const name of DOMAINS) {
          const chain = devnet.chain(name)
          await chain.testClient.revert({ id: snapshots.get(name)! })
          // Interval mining may have been switched on by a crash run; go back to automine.
          await chain.testClient.setAutomine(true)
        }
        await snapshotAll()
      },
      stop: () => devnet.stop(),
    }
  } catch (error) {
    await devnet.stop()
    throw error
  }
}

/** The validators that attest a domain's outgoing batches (the deployment's development keys). */
export const validatorsOf = (name: string) => devValidators(name, 4)

export type { Address }
