import { ValidationError } from '@caldera/core'
import { createPublicClient, http, parseEther } from 'viem'
import { afterAll, describe, expect, it } from 'vitest'
import { type Devnet, startDevnet } from './startDevnet.js'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('startDevnet', () => {
  let devnet: Devnet | undefined
  afterAll(() => devnet?.stop())

  it('starts chains with distinct ids and ports, clients and funded accounts, and stops them', async () => {
    devnet = await startDevnet({
      chains: [{ name: 'financial' }, { name: 'light', chainId: 900_002, accounts: 3 }],
    })
    const [financial, light] = devnet.chains
    expect(financial!.chainId).toBe(31_337)
    expect(light!.chainId).toBe(900_002)
    expect(financial!.port).not.toBe(light!.port)
    expect(await light!.publicClient.getChainId()).toBe(900_002)
    expect(light!.accounts).toHaveLength(3)
    expect(await light!.publicClient.getBalance({ address: light!.accounts[2]!.address })).toBe(
      parseEther('10000'),
    )

    const hash = await financial!.walletClient.sendTransaction({
      to: financial!.accounts[1]!.address,
      value: 1n,
    })
    const receipt = await financial!.publicClient.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    expect(devnet.chain('light')).toBe(light)
    expect(() => devnet!.chain('nope')).toThrowError(
      /No chain named "nope".*\n\nWhat to do: Use one of: "financial", "light"/s,
    )

    const pids = devnet.chains.map((c) => c.pid)
    expect(pids.every(alive)).toBe(true)
    await devnet.stop()
    expect(pids.some(alive)).toBe(false)
    expect(devnet.chains.every((c) => !c.running())).toBe(true)
  })

  it('suspends and resumes a chain without losing its state', async () => {
    devnet = await startDevnet({ chains: [{ name: 'one' }] })
    const one = devnet.chain('one')
    await one.testClient.mine({ blocks: 3 })
    await one.suspend()
    const impatient = createPublicClient({ transport: http(one.rpcUrl, { timeout: 300, retryCount: 0 }) })
    await expect(impatient.getBlockNumber({ cacheTime: 0 })).rejects.toThrow(/took too long/)
    one.resume()
    expect(await one.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(3n)
    await devnet.stop()
  }, 30_000)

  it('rejects bad parameters naming the field before starting anything', async () => {
    const error = await startDevnet({ chains: [{ name: 'a' }, { name: 'a', chainId: 31_337 }] }).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'chains[1].name',
      'chains[1].chainId',
    ])
    await expect(startDevnet({ chains: [] })).rejects.toThrowError(
      /chains: expected at least 1 items, got an array of 0/,
    )
  })

  it('reports a chain that cannot start, with anvil output', async () => {
    const error = await startDevnet({ chains: [{ name: 'bad', hardfork: 'no-such-fork' }] }).catch((e) => e)
    expect(error.name).toBe('ChainExitedError')
    expect(error.message).toMatch(/Chain "bad" \(anvil\) exited/)
  })
})
