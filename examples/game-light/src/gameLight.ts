import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  configureLane,
  createRelayer,
  deployChannelNetwork,
  devValidators,
  type Isolation,
  laneLimitUsd,
  sendTransfer,
  usdToTokens,
} from '@caldera/circuit-breaker'
import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { domainIdOf, formatUsd } from '@caldera/core'
import { deployDomain } from '@caldera/deploy-lite'
import { startDevnet } from '@caldera/devnet'
import { setValidatorSet } from '@caldera/risk-domain'
import { createCaldera } from '@caldera/sdk'
import {
  type Account,
  type Address,
  type Chain,
  type Client,
  createWalletClient,
  type Hex,
  http,
  type LocalAccount,
  parseEther,
  type Transport,
} from 'viem'
import { deployContract, readContract, waitForTransactionReceipt, writeContract } from 'viem/actions'

/** What the run measured and proved. */
export type GameLightResult = {
  gas: { liteDomain: bigint; liteOneTime: bigint; traditionalDomain: bigint; ratio: number }
  exploit: { held: boolean; heldTokens: bigint }
  isolation: { ms: number; chains: string[] }
  after: {
    financialLaneToGamePaused: boolean
    paymentsLaneToGamePaused: boolean
    gameIsolated: boolean
    financialIsolated: boolean
    financialToPayments: { held: boolean; delivered: bigint }
    financialToGameRejected: string
  }
  proved: string[]
}

const tokens = (usd: string) => parseEther(usd) // 1 token = 1 USD, 18 decimals
const price = { usdPerUnit: 1n, decimals: 0, tokenDecimals: 18 }

/**
 * Three domains on three local chains: `financial`, `payments` (enterprise) and `game` (light).
 * The game domain's stack is deployed with deploy-lite; an exploit in the game tries to move
 * 1.5M USD out; the channel holds it in the same transaction, the breaker cuts the game off on
 * every chain, and the financial domain keeps paying the payments domain.
 */
export async function runGameLight(log: (line: string) => void = console.log): Promise<GameLightResult> {
  const names = ['financial', 'payments', 'game'] as const
  const devnet = await startDevnet({ chains: names.map((name) => ({ name, accounts: 3 })) })
  const stopping: (() => Promise<void>)[] = []
  try {
    const [financial, payments, game] = names.map((n) => devnet.chain(n)) as [
      ReturnType<typeof devnet.chain>,
      ReturnType<typeof devnet.chain>,
      ReturnType<typeof devnet.chain>,
    ]
    const admin = game.walletClient.account.address
    log(`Started financial, payments and game chains (${devnet.chains.map((c) => c.chainId).join(', ')}).`)

    // 1. The financial and payments domains: channels, tokens and validator sets.
    const network = await deployChannelNetwork({
      domains: [
        { name: 'financial', tier: 'financial', walletClient: financial.walletClient },
        { name: 'payments', tier: 'enterprise', walletClient: payments.walletClient },
      ],
    })
    const [fin, pay] = network.domains as [(typeof network.domains)[0], (typeof network.domains)[0]]

    // 2. The game domain, deployed with deploy-lite, inside one Caldera instance.
    const gameToken = await deployToken(game.walletClient, game.publicClient, tokens('10000000'))
    const caldera = createCaldera({
      domains: [
        { name: 'financial', tier: 'financial', ...clients(financial), contracts: { Channel: fin.channel } },
        { name: 'payments', tier: 'enterprise', ...clients(payments), contracts: { Channel: pay.channel } },
        { name: 'game', tier: 'light', ...clients(game) },
      ],
    })
    const params = { Channel: { token: gameToken }, StakingRegistry: { token: gameToken } }
    const lite = await caldera.deploy.domain('game', { params })
    const kindOf = new Map(lite.plan.steps.map((s) => [s.label, s.kind]))
    const liteDomain = lite.transactions
      .filter((t) => kindOf.get(t.label) === 'domain')
      .reduce((sum, t) => sum + t.gasUsed, 0n)
    const liteOneTime = lite.gasUsed - liteDomain
    // The same stack, deployed the usual way (a full copy per domain) on the same chain, for comparison.
    const traditional = await deployDomain(game.walletClient, {
      config: {
        mode: 'traditional',
        domain: { name: 'game-classic', tier: 'light', chainId: game.chainId },
        admin,
        params,
      },
    })
    const ratio = Number(liteDomain) / Number(traditional.gasUsed)
    log(
      `Deployed the game domain with deploy-lite: ${Object.keys(lite.addresses.contracts).length} contracts in one ` +
        `transaction of ${liteDomain.toLocaleString('en-US')} gas (one-time shared implementations on this chain: ` +
        `${liteOneTime.toLocaleString('en-US')} gas).`,
    )
    log(
      `The usual deployment of the same stack took ${traditional.transactions.length} transactions and ` +
        `${traditional.gasUsed.toLocaleString('en-US')} gas: lite costs ${(ratio * 100).toFixed(1)} % of it (ratio ${ratio.toFixed(3)}).`,
    )

    // 3. Lanes between the game and the others, with light-tier limits, and validator sets both ways.
    const policy = caldera.breaker.policy
    const gameContracts = caldera.domains.game!.contracts
    const gameValidators = devValidators('game', 4)
    const light = policy.tiers.light
    for (const peer of [fin, pay]) {
      await setValidatorSet(game.walletClient, {
        verifier: gameContracts.AttestationVerifier!,
        domainId: peer.domainId,
        validators: peer.validators.map((v) => v.address),
        threshold: 3,
      })
      await configureLane(game.walletClient, {
        channel: gameContracts.Channel!,
        peer: peer.name,
        verifier: gameContracts.AttestationVerifier!,
        maxTransfer: usdToTokens(light.singleTransferUsd, price),
        windowLimit: usdToTokens(laneLimitUsd(policy, 'game', peer.name), price),
        windowSeconds: Math.round(light.rolling.windowSeconds),
        bucketCapacity: usdToTokens(light.tokenBucket.capacityUsd, price),
        refillPerSecond: usdToTokens(light.tokenBucket.refillUsdPerSecond, price),
      })
      const chain = peer.name === 'financial' ? financial : payments
      const tier = policy.tiers[peer.tier]
      await setValidatorSet(chain.walletClient, {
        verifier: peer.verifier,
        domainId: domainIdOf('game'),
        validators: gameValidators.map((v) => v.address),
        threshold: 3,
      })
      await configureLane(chain.walletClient, {
        channel: peer.channel,
        peer: 'game',
        verifier: peer.verifier,
        maxTransfer: usdToTokens(tier.singleTransferUsd, price),
        windowLimit: usdToTokens(laneLimitUsd(policy, peer.name, 'game'), price),
        windowSeconds: Math.round(tier.rolling.windowSeconds),
        bucketCapacity: usdToTokens(tier.tokenBucket.capacityUsd, price),
        refillPerSecond: usdToTokens(tier.tokenBucket.refillUsdPerSecond, price),
      })
    }
    log(
      `Connected the game to financial and payments with light-tier lane limits (single transfer ` +
        `$${formatUsd(light.singleTransferUsd)}, $${formatUsd(laneLimitUsd(policy, 'game', 'financial'))} per rolling hour).`,
    )

    // 4. The breaker watches every channel.
    let isolated!: (isolation: Isolation) => void
    const isolation = new Promise<Isolation>((resolve) => {
      isolated = resolve
    })
    const watcher = caldera.breaker.createWatcher({
      onIsolated: (i) => {
        if (i.domain === 'game') isolated(i)
      },
    })
    await watcher.start()
    stopping.push(() => watcher.stop())
    // The relayer delivers messages with k-of-n validator attestations and holds isolated sources.
    const delivered: { source: string; destination: string }[] = []
    const relayer = createRelayer({
      queueDir: await mkdtemp(join(tmpdir(), 'caldera-game-light-')),
      circuitBreaker: watcher.circuitBreaker,
      domains: [
        { ...relayed(fin, financial), tier: 'financial' },
        { ...relayed(pay, payments), tier: 'enterprise' },
        {
          name: 'game',
          tier: 'light',
          channel: gameContracts.Channel!,
          signers: gameValidators,
          client: game.publicClient,
          walletClient: game.walletClient,
        },
      ],
      onDelivered: (batch) => delivered.push(batch),
    })
    await relayer.start()
    stopping.push(() => relayer.stop())

    // 5. The exploit: an attacker drained 1.5M of the game's reward pool through a game bug and
    //    bridges it out to the financial domain.
    const attacker = createWalletClient({
      account: game.accounts[1]!,
      chain: game.walletClient.chain,
      transport: http(game.rpcUrl),
    })
    const stolen = tokens('1500000')
    await write(game, {
      address: gameToken,
      functionName: 'transfer',
      args: [attacker.account.address, stolen],
    })
    await write(game, {
      address: gameToken,
      functionName: 'approve',
      args: [gameContracts.Channel!, stolen],
      wallet: attacker,
    })
    const sent = await sendTransfer(attacker, {
      channel: gameContracts.Channel!,
      toDomain: 'financial',
      recipient: attacker.account.address,
      amount: stolen,
    })
    log(
      `Exploit: the attacker sent $1,500,000 from the game to the financial domain: ` +
        `${sent.held ? 'held in escrow by the game channel in the same transaction' : 'NOT held'}.`,
    )
    const done = await withTimeout(isolation, 15_000, 'the breaker did not isolate the game within 15 s')
    log(
      `Breaker: the game domain was cut off on ${done.results.filter((r) => r.ok).length} chains ` +
        `(${done.results.map((r) => r.chain).join(', ')}) ${done.ms.toFixed(0)} ms after the trip (${done.trip.detector}).`,
    )

    // 6. What it proved.
    const [finState, payState, gameState] = await Promise.all([
      caldera.breaker.state('financial'),
      caldera.breaker.state('payments'),
      caldera.breaker.state('game'),
    ])
    const merchant = payments.accounts[2]!.address
    const pay1 = await mintAndSend(
      caldera,
      financial,
      fin.token,
      fin.channel,
      'payments',
      tokens('250000'),
      merchant,
    )
    await withTimeout(
      (async () => {
        while (!delivered.some((d) => d.source === 'financial' && d.destination === 'payments'))
          await new Promise((r) => setTimeout(r, 50))
      })(),
      20_000,
      'the relayer did not deliver the payment within 20 s',
    )
    const received = await readContract(payments.publicClient, {
      address: pay.token,
      abi: eraTokenAbi,
      functionName: 'balanceOf',
      args: [merchant],
    })
    log(
      `The relayer delivered the financial domain's $250,000 payment on the payments chain (merchant balance ${received / 10n ** 18n} tokens).`,
    )
    let rejected = ''
    try {
      await mintAndSend(caldera, financial, fin.token, fin.channel, 'game', tokens('10'))
    } catch (error) {
      rejected =
        (error as Error).message.match(/LaneIsPaused/)?.[0] ?? (error as Error).message.split('\n')[0]!
    }
    const result: GameLightResult = {
      gas: { liteDomain, liteOneTime, traditionalDomain: traditional.gasUsed, ratio },
      exploit: { held: sent.held, heldTokens: gameState.totals.held },
      isolation: { ms: done.ms, chains: done.results.filter((r) => r.ok).map((r) => r.chain) },
      after: {
        financialLaneToGamePaused: finState.lanes.game!.paused,
        paymentsLaneToGamePaused: payState.lanes.game!.paused,
        gameIsolated: gameState.isolated,
        financialIsolated: finState.isolated,
        financialToPayments: { held: pay1.held, delivered: received },
        financialToGameRejected: rejected,
      },
      proved: [],
    }
    const a = result.after
    const proved = result.proved
    if (ratio < 1)
      proved.push(
        `The light domain cost ${(ratio * 100).toFixed(1)} % of the usual deployment (measured gas).`,
      )
    if (sent.held && gameState.totals.held === stolen)
      proved.push('The exploit was held in the game domain: nothing left it.')
    if (a.gameIsolated && a.financialLaneToGamePaused && a.paymentsLaneToGamePaused)
      proved.push("The game domain was isolated on every chain; the financial domain's lane to it is cut.")
    if (
      !a.financialIsolated &&
      !a.financialToPayments.held &&
      a.financialToPayments.delivered === tokens('250000') &&
      a.financialToGameRejected === 'LaneIsPaused'
    )
      proved.push(
        "The financial domain's own traffic goes on (a $250,000 payment was delivered on the payments chain); sends to the game are refused.",
      )
    log('Proved:')
    for (const line of proved) log(`- ${line}`)
    return result
  } finally {
    for (const stop of stopping.reverse()) await stop().catch(() => undefined)
    await devnet.stop()
  }
}

type Chainish = {
  publicClient: Client<Transport, Chain | undefined>
  walletClient: Client<Transport, Chain, Account>
  wsUrl: string
}

function clients(chain: Chainish) {
  return { publicClient: chain.publicClient, walletClient: chain.walletClient, wsUrl: chain.wsUrl }
}

async function deployToken(
  wallet: Chainish['walletClient'],
  reader: Chainish['publicClient'],
  supply: bigint,
) {
  const hash = await deployContract(wallet, {
    abi: eraTokenAbi,
    bytecode: eraTokenBytecode,
    args: [wallet.account.address, supply],
  })
  const receipt = await waitForTransactionReceipt(reader, { hash })
  return receipt.contractAddress as Address
}

async function write(
  chain: Chainish,
  call: {
    address: Address
    functionName: 'transfer' | 'approve' | 'mint'
    args: readonly [Address, bigint]
    wallet?: Chainish['walletClient']
  },
): Promise<Hex> {
  const hash = await writeContract(call.wallet ?? chain.walletClient, {
    address: call.address,
    abi: eraTokenAbi,
    functionName: call.functionName,
    args: call.args,
  } as never)
  const receipt = await waitForTransactionReceipt(chain.publicClient, { hash })
  if (receipt.status !== 'success') throw new Error(`${call.functionName} reverted (${hash}).`)
  return hash
}

async function mintAndSend(
  caldera: ReturnType<typeof createCaldera>,
  chain: Chainish,
  token: Address,
  channel: Address,
  toDomain: string,
  amount: bigint,
  recipient?: Address,
) {
  const me = chain.walletClient.account.address
  await write(chain, { address: token, functionName: 'mint', args: [me, amount] })
  await write(chain, { address: token, functionName: 'approve', args: [channel, amount] })
  return caldera.breaker.send('financial', { toDomain, recipient: recipient ?? me, amount })
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

function relayed(
  domain: { name: string; channel: Address; validators: readonly LocalAccount[] },
  chain: Chainish,
) {
  return {
    name: domain.name,
    channel: domain.channel,
    signers: domain.validators,
    client: chain.publicClient,
    walletClient: chain.walletClient,
  }
}
