import { parseEra } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { getContract } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eraTokenAbi, eraTokenBytecode } from './exports/index.js'

describe('EraToken on anvil', () => {
  let devnet: Devnet
  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'token', accounts: 3 }] })
  })
  afterAll(() => devnet.stop())

  it('deploys through viem, mints the supply to the admin, transfers and guards minting', async () => {
    const { walletClient, publicClient, accounts } = devnet.chain('token')
    const [admin, alice, bob] = accounts
    const hash = await walletClient.deployContract({
      abi: eraTokenAbi,
      bytecode: eraTokenBytecode,
      args: [admin!.address, parseEra('1000000')],
    })
    const { contractAddress, status } = await publicClient.waitForTransactionReceipt({ hash })
    expect(status).toBe('success')
    const era = getContract({
      address: contractAddress!,
      abi: eraTokenAbi,
      client: { public: publicClient, wallet: walletClient },
    })

    expect(await era.read.symbol()).toBe('ERA')
    expect(await era.read.decimals()).toBe(18)
    expect(await era.read.balanceOf([admin!.address])).toBe(parseEra('1000000'))

    await publicClient.waitForTransactionReceipt({
      hash: await era.write.transfer([alice!.address, parseEra('100000')]),
    })
    expect(await era.read.balanceOf([alice!.address])).toBe(parseEra('100000'))
    expect(await era.read.balanceOf([admin!.address])).toBe(parseEra('900000'))
    expect(await era.read.totalSupply()).toBe(parseEra('1000000'))

    await publicClient.waitForTransactionReceipt({ hash: await era.write.mint([bob!.address, 5n]) })
    expect(await era.read.balanceOf([bob!.address])).toBe(5n)

    await expect(
      publicClient.simulateContract({
        address: contractAddress!,
        abi: eraTokenAbi,
        functionName: 'mint',
        args: [alice!.address, 1n],
        account: alice!,
      }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
  })
})
