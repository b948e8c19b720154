import { type Devnet, startDevnet } from '@caldera/devnet'
import { zeroAddress } from 'viem'
import {
  deployContract,
  getTransactionCount,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
} from 'viem/actions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notaryAbi, notaryBytecode } from '../generated/Notary.js'
import { CloneDeploymentError, deployInitializedClone } from './deployInitializedClone.js'

let devnet: Devnet
let implementation: `0x${string}`

beforeAll(async () => {
  devnet = await startDevnet({ chains: [{ name: 'clones' }] })
  const { walletClient } = devnet.chain('clones')
  const hash = await deployContract(walletClient, { abi: notaryAbi, bytecode: notaryBytecode })
  implementation = (await waitForTransactionReceipt(walletClient, { hash })).contractAddress!
})
afterAll(() => devnet.stop())

describe('deployInitializedClone', () => {
  it('creates and initialises the clone in one transaction; nobody can initialise it again', async () => {
    const { walletClient, publicClient, accounts } = devnet.chain('clones')
    const admin = accounts[1]!.address
    const { address, receipt } = await deployInitializedClone(walletClient, {
      implementation,
      abi: notaryAbi,
      args: [admin, admin],
    })
    expect(receipt.status).toBe('success')
    const role = await readContract(publicClient, { address, abi: notaryAbi, functionName: 'NOTARIZER_ROLE' })
    expect(
      await readContract(publicClient, {
        address,
        abi: notaryAbi,
        functionName: 'hasRole',
        args: [role, admin],
      }),
    ).toBe(true)
    const attacker = accounts[2]!.address
    await expect(
      simulateContract(publicClient, {
        address,
        abi: notaryAbi,
        functionName: 'initialize',
        args: [attacker, attacker],
        account: attacker,
      }),
    ).rejects.toThrow(/InvalidInitialization/)
  })

  it('refuses an initialiser that would revert, names its error and sends nothing', async () => {
    const { walletClient, publicClient } = devnet.chain('clones')
    const nonce = await getTransactionCount(publicClient, { address: walletClient.account.address })
    const error = await deployInitializedClone(walletClient, {
      implementation,
      abi: notaryAbi,
      args: [zeroAddress, zeroAddress],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloneDeploymentError)
    expect((error as Error).message).toMatch(/initialiser reverted: ZeroAddress\(\)/)
    expect(await getTransactionCount(publicClient, { address: walletClient.account.address })).toBe(nonce)
  })

  it('refuses an implementation without code', async () => {
    const { walletClient } = devnet.chain('clones')
    await expect(
      deployInitializedClone(walletClient, {
        implementation: '0x000000000000000000000000000000000000dEaD',
        abi: notaryAbi,
        args: [walletClient.account.address, walletClient.account.address],
      }),
    ).rejects.toThrow(/NoImplementationCode/)
  })
})
