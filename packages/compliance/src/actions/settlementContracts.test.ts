import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { type Address, createWalletClient, erc20Abi, type Hex, http, keccak256, stringToHex } from 'viem'
import { deployContract, getBlock, readContract, waitForTransactionReceipt } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSanctionsList } from '../sanctions/sanctionsList.js'
import { createHtlcLock, deployHtlc, getHtlcLock, htlcHashlock, refundHtlc, withdrawHtlc } from './htlc.js'
import { createPvpTrade, deployPvpEscrow, fundPvpTrade, getPvpTrade, refundPvpTrade } from './pvpEscrow.js'
import {
  deploySanctionsRegistry,
  isSanctionedOnChain,
  setSanctioned,
  syncSanctionsRegistry,
} from './sanctionsRegistry.js'

let devnet: Devnet
type Chain = ReturnType<Devnet['chain']>
let chain: Chain
let alice: Chain['walletClient']
let bob: Chain['walletClient']
let carol: Chain['walletClient']
let tokenA: Address
let tokenB: Address
const E18 = 10n ** 18n

async function deployToken(client: Chain['walletClient'], supply: bigint): Promise<Address> {
  const hash = await deployContract(client, {
    abi: eraTokenAbi,
    bytecode: eraTokenBytecode,
    args: [client.account.address, supply],
  })
  return (await waitForTransactionReceipt(client, { hash })).contractAddress!
}
const balance = (token: Address, owner: Address) =>
  readContract(chain.publicClient, {
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [owner],
  })
async function now(): Promise<bigint> {
  return (await getBlock(chain.publicClient)).timestamp
}
async function travel(seconds: number): Promise<void> {
  await chain.testClient.increaseTime({ seconds })
  await chain.testClient.mine({ blocks: 1 })
}

beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'financial' }] })
  chain = devnet.chain('financial')
  alice = chain.walletClient
  const client = (i: number) =>
    createWalletClient({
      account: chain.accounts[i]!,
      chain: alice.chain,
      transport: http(chain.rpcUrl),
      pollingInterval: 20,
    })
  bob = client(1) as never
  carol = client(2) as never
  tokenA = await deployToken(alice, 1_000_000n * E18)
  tokenB = await deployToken(bob, 1_000_000n * E18)
})
afterAll(async () => {
  await devnet?.stop()
})

describe('PaymentVersusPaymentEscrow', () => {
  async function openTrade(escrow: Address, seconds = 3_600) {
    const deadline = (await now()) + BigInt(seconds)
    return createPvpTrade(carol, {
      escrow,
      partyA: alice.account.address,
      tokenA,
      amountA: 100n * E18,
      partyB: bob.account.address,
      tokenB,
      amountB: 90n * E18,
      deadline,
    })
  }

  it('settles both legs in the transaction that completes the pair', async () => {
    const { address: escrow } = await deployPvpEscrow(alice)
    const { tradeId } = await openTrade(escrow)
    const before = {
      aliceB: await balance(tokenB, alice.account.address),
      bobA: await balance(tokenA, bob.account.address),
    }
    expect((await fundPvpTrade(alice, { escrow, tradeId })).settled).toBe(false)
    // one leg in: nothing delivered yet
    expect(await balance(tokenA, bob.account.address)).toBe(before.bobA)
    expect(await balance(tokenA, escrow)).toBe(100n * E18)
    expect((await fundPvpTrade(bob, { escrow, tradeId })).settled).toBe(true)
    expect(await balance(tokenA, bob.account.address)).toBe(before.bobA + 100n * E18)
    expect(await balance(tokenB, alice.account.address)).toBe(before.aliceB + 90n * E18)
    expect(await balance(tokenA, escrow)).toBe(0n)
    expect(await balance(tokenB, escrow)).toBe(0n)
    expect((await getPvpTrade(chain.publicClient, { escrow, tradeId })).status).toBe('Settled')
    await expect(refundPvpTrade(alice, { escrow, tradeId })).rejects.toThrow(/TradeNotOpen/)
  })

  it('refunds the funded leg after the deadline, and the other leg can no longer settle', async () => {
    const { address: escrow } = await deployPvpEscrow(alice)
    const { tradeId } = await openTrade(escrow, 600)
    const aliceA = await balance(tokenA, alice.account.address)
    const bobA = await balance(tokenA, bob.account.address)
    await fundPvpTrade(alice, { escrow, tradeId })
    await expect(refundPvpTrade(carol, { escrow, tradeId })).rejects.toThrow(/DeadlineNotReached/)
    await travel(601)
    await expect(fundPvpTrade(bob, { escrow, tradeId })).rejects.toThrow(/DeadlinePassed/)
    expect(await refundPvpTrade(carol, { escrow, tradeId })).toMatchObject({
      refundedA: true,
      refundedB: false,
    })
    expect(await balance(tokenA, alice.account.address)).toBe(aliceA)
    expect(await balance(tokenA, bob.account.address)).toBe(bobA)
    expect(await balance(tokenA, escrow)).toBe(0n)
    expect((await getPvpTrade(chain.publicClient, { escrow, tradeId })).status).toBe('Refunded')
    await expect(refundPvpTrade(carol, { escrow, tradeId })).rejects.toThrow(/TradeNotOpen/)
  })

  it('accepts deposits only from the parties, once each', async () => {
    const { address: escrow } = await deployPvpEscrow(alice)
    const { tradeId } = await openTrade(escrow)
    await expect(fundPvpTrade(carol, { escrow, tradeId })).rejects.toThrow(/NotAParty/)
    await expect(fundPvpTrade(alice, { escrow, tradeId: '0x1234' })).rejects.toThrow(
      /tradeId: expected a 0x-prefixed 32-byte hex value/,
    )
    await fundPvpTrade(alice, { escrow, tradeId })
    await expect(fundPvpTrade(alice, { escrow, tradeId })).rejects.toThrow(/AlreadyFunded/)
  })

  it('screens parties against the sanctions registry', async () => {
    const { address: registry } = await deploySanctionsRegistry(alice)
    const { address: escrow } = await deployPvpEscrow(alice, { sanctionsList: registry })
    await setSanctioned(alice, {
      registry,
      accounts: [bob.account.address],
      sanctioned: true,
      version: 'test-v1',
    })
    await expect(openTrade(escrow)).rejects.toThrow(/SanctionedParty/)
    await setSanctioned(alice, {
      registry,
      accounts: [bob.account.address],
      sanctioned: false,
      version: 'test-v2',
    })
    const { tradeId } = await openTrade(escrow)
    await fundPvpTrade(alice, { escrow, tradeId })
    // listed between the deposits: the trade cannot settle, and refunds after the deadline
    await setSanctioned(alice, {
      registry,
      accounts: [bob.account.address],
      sanctioned: true,
      version: 'test-v3',
    })
    await expect(fundPvpTrade(bob, { escrow, tradeId })).rejects.toThrow(/SanctionedParty/)
    expect((await getPvpTrade(chain.publicClient, { escrow, tradeId })).fundedB).toBe(false)
  })
})

describe('HashedTimelockEscrow', () => {
  const secret = keccak256(stringToHex('caldera-htlc-secret')) as Hex

  it('pays the receiver who reveals the preimage before the timelock', async () => {
    const { address: htlc } = await deployHtlc(alice)
    const timelock = (await now()) + 3_600n
    const { lockId } = await createHtlcLock(alice, {
      htlc,
      receiver: bob.account.address,
      token: tokenA,
      amount: 5n * E18,
      hashlock: htlcHashlock(secret),
      timelock,
    })
    const bobA = await balance(tokenA, bob.account.address)
    await expect(withdrawHtlc(bob, { htlc, lockId, preimage: keccak256('0x01') })).rejects.toThrow(
      /WrongPreimage/,
    )
    await expect(withdrawHtlc(carol, { htlc, lockId, preimage: secret })).rejects.toThrow(/NotReceiver/)
    await expect(refundHtlc(alice, { htlc, lockId })).rejects.toThrow(/TimelockNotReached/)
    await withdrawHtlc(bob, { htlc, lockId, preimage: secret })
    expect(await balance(tokenA, bob.account.address)).toBe(bobA + 5n * E18)
    expect(await getHtlcLock(chain.publicClient, { htlc, lockId })).toMatchObject({
      withdrawn: true,
      refunded: false,
      preimage: secret,
    })
    await expect(refundHtlc(alice, { htlc, lockId })).rejects.toThrow(/LockClosed/)
  })

  it('refunds the sender after the timelock, and the secret no longer works', async () => {
    const { address: htlc } = await deployHtlc(alice)
    const timelock = (await now()) + 600n
    const aliceA = await balance(tokenA, alice.account.address)
    const { lockId } = await createHtlcLock(alice, {
      htlc,
      receiver: bob.account.address,
      token: tokenA,
      amount: 7n * E18,
      hashlock: htlcHashlock(secret),
      timelock,
    })
    expect(await balance(tokenA, alice.account.address)).toBe(aliceA - 7n * E18)
    await travel(601)
    await expect(withdrawHtlc(bob, { htlc, lockId, preimage: secret })).rejects.toThrow(/TimelockPassed/)
    await refundHtlc(carol, { htlc, lockId })
    expect(await balance(tokenA, alice.account.address)).toBe(aliceA)
    expect(await balance(tokenA, htlc)).toBe(0n)
    await expect(withdrawHtlc(bob, { htlc, lockId, preimage: secret })).rejects.toThrow(/LockClosed/)
  })
})

describe('SanctionsRegistry', () => {
  it('mirrors a versioned list on chain, delistings included; only the list manager writes', async () => {
    const { address: registry } = await deploySanctionsRegistry(alice)
    const a = '0x00000000000000000000000000000000000000a1'
    const b = '0x00000000000000000000000000000000000000b2'
    const list = createSanctionsList({
      name: 'test',
      versions: [
        { version: 'v1', effectiveFrom: 1_000, addresses: [a, b] },
        { version: 'v2', effectiveFrom: 2_000, remove: [a] },
      ],
    })
    expect(await syncSanctionsRegistry(alice, { registry, list, at: 1_500 })).toMatchObject({
      listed: 2,
      delisted: 0,
      version: 'v1',
    })
    expect(await isSanctionedOnChain(chain.publicClient, { registry, account: a })).toBe(true)
    expect(await syncSanctionsRegistry(alice, { registry, list, at: 2_500 })).toMatchObject({
      listed: 0,
      delisted: 1,
      version: 'v2',
    })
    expect(await isSanctionedOnChain(chain.publicClient, { registry, account: a })).toBe(false)
    expect(await isSanctionedOnChain(chain.publicClient, { registry, account: b })).toBe(true)
    expect(await syncSanctionsRegistry(alice, { registry, list, at: 2_500 })).toMatchObject({
      listed: 0,
      delisted: 0,
    })
    await expect(
      setSanctioned(bob, { registry, accounts: [a], sanctioned: true, version: 'x' }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
  })
})
