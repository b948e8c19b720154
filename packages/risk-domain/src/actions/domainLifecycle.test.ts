import { domainRegistryAbi, eraTokenAbi, eraTokenBytecode, stakingRegistryAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import type { Address, HDAccount, Hex } from 'viem'
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMessages } from '../../test/fixtures.js'
import { computeBatchRoot } from '../attestation/computeBatchRoot.js'
import { signBatchAttestation } from '../attestation/signBatchAttestation.js'
import { defineDomain } from '../domain/defineDomain.js'
import { DomainStatusError, ProfileNotMetError } from '../errors/domain.js'
import { activateDomain } from './activateDomain.js'
import { assertProfileMet } from './assertProfileMet.js'
import { bondStake } from './bondStake.js'
import { deployRiskRegistries } from './deployRiskRegistries.js'
import { getDomain } from './getDomain.js'
import { registerDomain } from './registerDomain.js'
import { reportEquivocation } from './reportEquivocation.js'
import { setDomainStatus } from './setDomainStatus.js'

describe('StakingRegistry + DomainRegistry on anvil', () => {
  let devnet: Devnet
  let era: Address
  let staking: Address
  let registry: Address
  let validators: readonly HDAccount[]
  const chain = () => devnet.chain('home')

  /**
   * Every account registers itself in `domainId`: 100 transactions per block, with automine off
   * while they are sent (concurrent sends under automine can stall anvil).
   */
  async function registerAll(domainId: Hex, accounts: readonly HDAccount[]) {
    const { walletClient, publicClient, testClient } = chain()
    await testClient.setAutomine(false)
    try {
      for (let i = 0; i < accounts.length; i += 100) {
        const hashes = await Promise.all(
          accounts.slice(i, i + 100).map((account) =>
            writeContract(walletClient, {
              account,
              address: staking,
              abi: stakingRegistryAbi,
              functionName: 'registerValidator',
              args: [domainId],
              gas: 150_000n,
            }),
          ),
        )
        await testClient.mine({ blocks: 1 })
        const receipts = await Promise.all(
          hashes.map((hash) => waitForTransactionReceipt(publicClient, { hash })),
        )
        expect(receipts.every((r) => r.status === 'success')).toBe(true)
      }
    } finally {
      await testClient.setAutomine(true)
    }
  }

  async function setUpDomain(name: string, count: number, stakeOf: (i: number) => bigint) {
    const { walletClient } = chain()
    const domain = defineDomain({ name, tier: 'financial', chainId: chain().chainId })
    const { domainId } = await registerDomain(walletClient, { registry, domain })
    const seats = validators.slice(0, count)
    await registerAll(domainId, seats)
    await bondStake(walletClient, {
      staking,
      domainId,
      bonds: seats.map((v, i) => ({ validator: v.address, amount: stakeOf(i) })),
    })
    return domainId
  }

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'home', accounts: 301 }] })
    const { walletClient, publicClient, accounts } = chain()
    validators = accounts.slice(1)
    const hash = await walletClient.deployContract({
      abi: eraTokenAbi,
      bytecode: eraTokenBytecode,
      args: [accounts[0]!.address, parseEra('200000000')],
    })
    era = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress!
    ;({ stakingRegistry: staking, domainRegistry: registry } = await deployRiskRegistries(walletClient, {
      era,
      unbondingDelaySeconds: 3600,
      treasury: accounts[300]!.address,
    }))
  })
  afterAll(() => devnet.stop())

  it('activates a financial domain with 300 validators of 100,000 ERA each', async () => {
    const domainId = await setUpDomain('payments', 300, () => parseEra('100000'))
    const { publicClient, walletClient } = chain()
    expect(await assertProfileMet(publicClient, { registry, domainId })).toEqual({
      qualified: 300,
      required: 300,
      registered: 300,
    })
    const { status } = await activateDomain(walletClient, { registry, domainId })
    expect(status).toBe('Active')
    const domain = await getDomain(publicClient, { registry, domainId })
    expect(domain).toMatchObject({
      name: 'payments',
      tier: 'financial',
      status: 'Active',
      qualifiedValidators: 300,
    })
    expect(domain.profile.minStakePerValidator).toBe(parseEra('100000'))
  })

  it('keeps a financial domain with 299 validators Pending and says why before sending', async () => {
    const domainId = await setUpDomain('payments-299', 299, () => parseEra('100000'))
    const { publicClient, walletClient } = chain()
    const error = await activateDomain(walletClient, { registry, domainId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProfileNotMetError)
    expect((error as ProfileNotMetError).shortMessage).toBe(
      'Domain payments-299 cannot activate: 299 of 300 validators meet the financial profile.',
    )
    expect((error as Error).message).toMatch(/1 more validator seat/)
    await expect(
      simulateContract(publicClient, {
        account: walletClient.account,
        address: registry,
        abi: domainRegistryAbi,
        functionName: 'activate',
        args: [domainId],
      }),
    ).rejects.toThrow(/ProfileNotMet/)
    expect((await getDomain(publicClient, { registry, domainId })).status).toBe('Pending')
  })

  it('keeps a domain Pending when a validator bonds 99,999 ERA', async () => {
    const domainId = await setUpDomain('payments-short', 300, (i) => parseEra(i === 7 ? '99999' : '100000'))
    const { publicClient, walletClient } = chain()
    const error = await assertProfileMet(publicClient, { registry, domainId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProfileNotMetError)
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Domain payments-short cannot activate: 299 of 300 validators meet the financial profile.

      - 300 validators registered; the financial profile needs 300, each bonding at least 100000 ERA.
      - 1 validator bonds less than 100000 ERA (lowest: 99999 ERA).

      What to do: Register more validators or bond more ERA to the under-staked ones, then activate again."
    `)
    await expect(
      simulateContract(publicClient, {
        account: walletClient.account,
        address: registry,
        abi: domainRegistryAbi,
        functionName: 'activate',
        args: [domainId],
      }),
    ).rejects.toThrow(/ProfileNotMet/)
    expect((await getDomain(publicClient, { registry, domainId })).status).toBe('Pending')
  })

  it('slashes an equivocating validator and removes its seat', async () => {
    const { publicClient, walletClient, accounts } = chain()
    const domainId = domainIdOf('payments')
    const cheat = validators[42]!
    const reporter = accounts[0]!.address
    const treasury = accounts[300]!.address
    const balance = (who: Address) =>
      publicClient.readContract({ address: era, abi: eraTokenAbi, functionName: 'balanceOf', args: [who] })
    const [reporterBefore, treasuryBefore] = [await balance(reporter), await balance(treasury)]
    const rootA = computeBatchRoot({ messages: makeMessages(2, { source: 'payments' }) })
    const rootB = computeBatchRoot({ messages: makeMessages(3, { source: 'payments' }) })
    const first = await signBatchAttestation({ account: cheat, domainId, batchNonce: 9n, batchRoot: rootA })
    const second = await signBatchAttestation({ account: cheat, domainId, batchNonce: 9n, batchRoot: rootB })
    const honest = await signBatchAttestation({
      account: validators[1]!,
      domainId,
      batchNonce: 9n,
      batchRoot: rootB,
    })

    await expect(
      reportEquivocation(walletClient, { staking, domainId, batchNonce: 9n, first, second: first }),
    ).rejects.toThrow(/SameRoot/)
    await expect(
      reportEquivocation(walletClient, { staking, domainId, batchNonce: 9n, first, second: honest }),
    ).rejects.toThrow(/DifferentSigners/)
    // The same two roots signed for different nonces are not an equivocation.
    const other = await signBatchAttestation({ account: cheat, domainId, batchNonce: 10n, batchRoot: rootB })
    await expect(
      reportEquivocation(walletClient, { staking, domainId, batchNonce: 9n, first, second: other }),
    ).rejects.toThrow(/DifferentSigners/)

    const result = await reportEquivocation(walletClient, {
      staking,
      domainId,
      batchNonce: 9n,
      first,
      second,
    })
    expect(result.validator).toBe(cheat.address)
    expect(result.slashed).toBe(parseEra('100000'))
    const [stake, , , registered, tombstoned] = await publicClient.readContract({
      address: staking,
      abi: stakingRegistryAbi,
      functionName: 'seatOf',
      args: [domainId, cheat.address],
    })
    expect({ stake, registered, tombstoned }).toEqual({ stake: 0n, registered: false, tombstoned: true })
    expect(await balance(reporter)).toBe(reporterBefore + parseEra('10000'))
    expect(await balance(treasury)).toBe(treasuryBefore + parseEra('90000'))
    expect(
      await publicClient.readContract({
        address: staking,
        abi: stakingRegistryAbi,
        functionName: 'validatorCount',
        args: [domainId],
      }),
    ).toBe(299n)
    await expect(
      reportEquivocation(walletClient, { staking, domainId, batchNonce: 9n, first, second }),
    ).rejects.toThrow(/NothingToSlash/)
    await expect(
      simulateContract(publicClient, {
        account: cheat,
        address: staking,
        abi: stakingRegistryAbi,
        functionName: 'registerValidator',
        args: [domainId],
      }),
    ).rejects.toThrow(/Tombstoned/)
    // The active domain now has 299 qualified validators: once isolated, it cannot be restored.
    expect(await getDomain(publicClient, { registry, domainId })).toMatchObject({ qualifiedValidators: 299 })
    await setDomainStatus(walletClient, { registry, domainId, status: 'Isolated' })
    expect((await getDomain(publicClient, { registry, domainId })).status).toBe('Isolated')
    await expect(setDomainStatus(walletClient, { registry, domainId, status: 'Active' })).rejects.toThrow(
      /299 of 300 validators meet the financial profile/,
    )
    await expect(setDomainStatus(walletClient, { registry, domainId, status: 'Isolated' })).rejects.toThrow(
      DomainStatusError,
    )
    await setDomainStatus(walletClient, { registry, domainId, status: 'Retired' })
    expect((await getDomain(publicClient, { registry, domainId })).status).toBe('Retired')
    await expect(
      getDomain(publicClient, { registry, domainId: domainIdOf('never-registered') }),
    ).rejects.toThrow(/is Unregistered/)
  })

  it('releases unbonded stake only after the unbonding delay, and it stays slashable meanwhile', async () => {
    const { publicClient, testClient } = chain()
    const domainId = domainIdOf('payments-299')
    const v = validators[5]!
    const call = async (functionName: 'requestUnbond' | 'withdrawUnbonded', args: readonly unknown[]) => {
      const { request } = await simulateContract(publicClient, {
        account: v,
        address: staking,
        abi: stakingRegistryAbi,
        functionName,
        args: args as never,
      })
      await publicClient.waitForTransactionReceipt({
        hash: await chain().walletClient.writeContract(request as never),
      })
    }
    await call('requestUnbond', [domainId, parseEra('40000')])
    await expect(call('withdrawUnbonded', [domainId])).rejects.toThrow(/StillUnbonding/)
    const read = () =>
      publicClient.readContract({
        address: staking,
        abi: stakingRegistryAbi,
        functionName: 'seatOf',
        args: [domainId, v.address],
      })
    expect((await read()).slice(0, 2)).toEqual([parseEra('60000'), parseEra('40000')])
    await testClient.increaseTime({ seconds: 3601 })
    await testClient.mine({ blocks: 1 })
    await call('withdrawUnbonded', [domainId])
    expect((await read()).slice(0, 2)).toEqual([parseEra('60000'), 0n])
    expect(
      await publicClient.readContract({
        address: era,
        abi: eraTokenAbi,
        functionName: 'balanceOf',
        args: [v.address],
      }),
    ).toBe(parseEra('40000'))
  })

  it('lets anyone free an empty seat, never a bonded one', async () => {
    const { publicClient, walletClient } = chain()
    const domainId = domainIdOf('payments-299')
    const empty = validators[299]!
    const count = () =>
      publicClient.readContract({
        address: staking,
        abi: stakingRegistryAbi,
        functionName: 'validatorCount',
        args: [domainId],
      })
    const { request } = await simulateContract(publicClient, {
      account: empty,
      address: staking,
      abi: stakingRegistryAbi,
      functionName: 'registerValidator',
      args: [domainId],
    })
    await publicClient.waitForTransactionReceipt({ hash: await walletClient.writeContract(request) })
    expect(await count()).toBe(300n)
    const prune = (validator: Address) =>
      simulateContract(publicClient, {
        account: walletClient.account,
        address: staking,
        abi: stakingRegistryAbi,
        functionName: 'pruneSeat',
        args: [domainId, validator],
      })
    await expect(prune(validators[0]!.address)).rejects.toThrow(/SeatHasStake/)
    const { request: pruning } = await prune(empty.address)
    await publicClient.waitForTransactionReceipt({ hash: await walletClient.writeContract(pruning) })
    expect(await count()).toBe(299n)
    await expect(prune(empty.address)).rejects.toThrow(/NotRegistered/)
  })
})
