import { parse } from '@caldera/core'
import {
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from 'viem'
import type { HDAccount } from 'viem/accounts'
import { z } from 'zod'
import { anvilAccounts } from '../accounts.js'
import { resolveAnvilBinary } from '../anvil/resolveAnvilBinary.js'
import { spawnAnvil } from '../anvil/spawnAnvil.js'
import { DevnetChainNotFoundError } from '../errors/devnet.js'

const chainParametersSchema = z.object({
  /** Name of the chain, e.g. the domain it hosts (`financial`). */
  name: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/, {
    message: 'a name of 1–64 letters, digits, dashes or underscores',
  }),
  /** Chain id; defaults to 31337 + the chain's index. Must be distinct. */
  chainId: z
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1)
    .optional(),
  /** Seconds between blocks (interval mining); omitted for automine (a block per transaction). */
  blockTime: z.number().positive().max(3600).optional(),
  /** Funded accounts (default 10). */
  accounts: z.number().int().min(1).max(1_000).default(10),
  /** ETH per funded account (default 10,000). */
  balance: z.number().int().positive().max(1e12).default(10_000),
  /** Block gas limit. */
  gasLimit: z.bigint().positive().optional(),
  /** Base fee of the first block, in wei. */
  baseFee: z.bigint().nonnegative().optional(),
  /** Hardfork (anvil's default when omitted). */
  hardfork: z.string().min(1).max(32).optional(),
  /** Fixed port; a free loopback port is chosen when omitted. */
  port: z.number().int().min(1).max(65_535).optional(),
})

/** @internal */
export const startDevnetSchema = z
  .object({
    chains: z.array(chainParametersSchema).min(1).max(16),
    /** Path of an anvil binary (defaults to the `@foundry-rs/anvil` package's, or `CALDERA_ANVIL_PATH`). */
    anvilPath: z.string().min(1).optional(),
    /** Bound on each chain's start-up, in ms (default 20,000). */
    startTimeoutMs: z.number().int().positive().max(600_000).default(20_000),
    /** Interface to bind (default `127.0.0.1`; loopback only is recommended). */
    host: z.string().min(1).default('127.0.0.1'),
  })
  .superRefine((value, ctx) => {
    const names = new Set<string>()
    const ids = new Set<number>()
    value.chains.forEach((chain, i) => {
      const id = chain.chainId ?? 31_337 + i
      if (names.has(chain.name))
        ctx.addIssue({
          code: 'custom',
          path: ['chains', i, 'name'],
          message: `a name not used by another chain`,
          input: chain.name,
        })
      if (ids.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['chains', i, 'chainId'],
          message: 'a chain id not used by another chain',
          input: id,
        })
      names.add(chain.name)
      ids.add(id)
    })
  })

export type DevnetChainParameters = z.input<typeof chainParametersSchema>
export type StartDevnetParameters = z.input<typeof startDevnetSchema>

/** One running local chain with ready-made viem clients. */
export type DevnetChain = {
  readonly name: string
  readonly chainId: number
  readonly port: number
  readonly rpcUrl: string
  readonly wsUrl: string
  readonly pid: number
  readonly chain: Chain
  readonly publicClient: PublicClient<Transport, Chain>
  /** Signs with `accounts[0]`. */
  readonly walletClient: WalletClient<Transport, Chain, HDAccount>
  readonly testClient: TestClient<'anvil', Transport, Chain>
  /** Funded development accounts (anvil's default mnemonic). */
  readonly accounts: readonly HDAccount[]
  /** Freezes the chain's process: its RPC stops answering, its state is kept (an outage). */
  suspend(): Promise<void>
  /** Ends an outage started with {@link DevnetChain.suspend}. */
  resume(): void
  /** Stops this chain only. */
  stop(): Promise<void>
  /** Whether the process is still running. */
  running(): boolean
}

/** A set of running local chains. Stop it when done (`await using` works too). */
export type Devnet = {
  readonly chains: readonly DevnetChain[]
  /** The chain with this name; throws when there is none. */
  chain(name: string): DevnetChain
  /** Stops every chain this devnet started. */
  stop(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

/**
 * Starts one anvil process per chain on free loopback ports, with distinct chain ids, and
 * returns viem clients and funded accounts for each. Every process is stopped by `stop()`, and
 * also when this process exits or is interrupted.
 *
 * @example
 * import { startDevnet } from '@caldera/devnet'
 * const devnet = await startDevnet({ chains: [{ name: 'financial' }, { name: 'light', blockTime: 1 }] })
 * const light = devnet.chain('light')
 * console.log(await light.publicClient.getBlockNumber())
 * await devnet.stop()
 */
export async function startDevnet(parameters: StartDevnetParameters): Promise<Devnet> {
  const options = parse(startDevnetSchema, parameters, 'devnet parameters')
  const binary = resolveAnvilBinary(options.anvilPath)
  const started = await Promise.allSettled(
    options.chains.map(async (params, index) => {
      const chainId = params.chainId ?? 31_337 + index
      const anvil = await spawnAnvil({
        name: params.name,
        binary,
        chainId,
        host: options.host,
        accounts: params.accounts,
        balance: params.balance,
        startTimeoutMs: options.startTimeoutMs,
        ...(params.port !== undefined && { port: params.port }),
        ...(params.blockTime !== undefined && { blockTime: params.blockTime }),
        ...(params.gasLimit !== undefined && { gasLimit: params.gasLimit }),
        ...(params.baseFee !== undefined && { baseFee: params.baseFee }),
        ...(params.hardfork !== undefined && { hardfork: params.hardfork }),
      })
      return { params, chainId, anvil }
    }),
  )
  const failed = started.find((r) => r.status === 'rejected')
  if (failed) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.anvil.stop() : undefined)))
    throw failed.reason
  }
  const chains = started.map((r) => {
    const { params, chainId, anvil } = (
      r as PromiseFulfilledResult<{
        params: (typeof options.chains)[number]
        chainId: number
        anvil: Awaited<ReturnType<typeof spawnAnvil>>
      }>
    ).value
    const chain = defineChain({
      id: chainId,
      name: params.name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [anvil.rpcUrl], webSocket: [anvil.wsUrl] } },
      testnet: true,
    })
    const accounts = anvilAccounts(params.accounts)
    const transport = http(anvil.rpcUrl, { retryCount: 0 })
    const pollingInterval = 50
    const devnetChain: DevnetChain = {
      name: params.name,
      chainId,
      port: anvil.port,
      rpcUrl: anvil.rpcUrl,
      wsUrl: anvil.wsUrl,
      pid: anvil.pid,
      chain,
      publicClient: createPublicClient({ chain, transport, pollingInterval }),
      walletClient: createWalletClient({ account: accounts[0]!, chain, transport, pollingInterval }),
      testClient: createTestClient({ mode: 'anvil', chain, transport, pollingInterval }),
      accounts,
      suspend: anvil.suspend,
      resume: anvil.resume,
      stop: () => anvil.stop(),
      running: anvil.running,
    }
    return devnetChain
  })
  const stop = async () => {
    await Promise.all(chains.map((c) => c.stop()))
  }
  return {
    chains,
    chain(name) {
      const found = chains.find((c) => c.name === name)
      if (!found) throw new DevnetChainNotFoundError({ name, names: chains.map((c) => c.name) })
      return found
    },
    stop,
    [Symbol.asyncDispose]: stop,
  }
}
