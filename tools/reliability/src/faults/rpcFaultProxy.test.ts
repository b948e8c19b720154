import { type Devnet, startDevnet } from '@caldera/devnet'
import { createPublicClient, createWalletClient, http, parseEther, webSocket } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RpcFaultError, type RpcFaultProxy, startRpcFaultProxy } from './rpcFaultProxy.js'

describe('rpc fault proxy in front of anvil', () => {
  let devnet: Devnet
  let proxy: RpcFaultProxy
  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'a' }] })
    proxy = await startRpcFaultProxy({ target: devnet.chain('a').rpcUrl })
  })
  afterAll(async () => {
    await proxy?.close()
    await devnet?.stop()
  })
  const client = () => createPublicClient({ transport: http(proxy.url, { retryCount: 0, timeout: 5_000 }) })
  const wallet = () =>
    createWalletClient({
      account: devnet.chain('a').accounts[1]!,
      chain: devnet.chain('a').chain,
      transport: http(proxy.url, { retryCount: 0, timeout: 5_000 }),
    })

  it('passes, drops, delays and errors, switched at runtime', async () => {
    const direct = await devnet.chain('a').publicClient.getBlockNumber({ cacheTime: 0 })
    expect(await client().getBlockNumber({ cacheTime: 0 })).toBe(direct)

    proxy.set({ mode: 'drop' })
    await expect(client().getBlockNumber({ cacheTime: 0 })).rejects.toThrow(
      /HTTP request failed|fetch failed|socket/i,
    )
    expect(proxy.stats.dropped).toBeGreaterThan(0)

    proxy.set({ mode: 'error' })
    await expect(client().getBlockNumber({ cacheTime: 0 })).rejects.toMatchObject({ status: 503 })

    proxy.set({ mode: 'error', as: 'rpc' })
    await expect(client().getChainId()).rejects.toMatchObject({ code: -32603 })

    proxy.set({ mode: 'slow', delayMs: 300 })
    const delayed = proxy.stats.delayed
    expect(await client().getChainId()).toBe(devnet.chain('a').chainId)
    expect(proxy.stats.delayed).toBe(delayed + 1)
    // A client that gives up earlier than the delay sees a timeout.
    const impatient = createPublicClient({ transport: http(proxy.url, { retryCount: 0, timeout: 100 }) })
    await expect(impatient.getChainId()).rejects.toThrow(/took too long|timed out/i)
    await new Promise((r) => setTimeout(r, 400))
    expect(proxy.stats.abandoned).toBe(1)

    proxy.set({ mode: 'pass' })
    expect(await client().getChainId()).toBe(devnet.chain('a').chainId)
  })

  it('limits a fault to some methods: writes dropped while reads answer', async () => {
    proxy.set({ mode: 'drop', methods: ['eth_sendRawTransaction'] })
    const to = devnet.chain('a').accounts[2]!.address
    const before = await devnet.chain('a').publicClient.getBalance({ address: to })
    await expect(wallet().sendTransaction({ to, value: parseEther('1') })).rejects.toThrow()
    expect(await client().getBalance({ address: to })).toBe(before)
    expect(proxy.stats.methods.eth_sendRawTransaction).toBeGreaterThan(0)
    proxy.set({ mode: 'pass' })
    const hash = await wallet().sendTransaction({ to, value: parseEther('1') })
    await devnet.chain('a').publicClient.waitForTransactionReceipt({ hash })
    expect(await devnet.chain('a').publicClient.getBalance({ address: to })).toBe(before + parseEther('1'))
  })

  it('relays WebSocket connections, closes them on drop and error, delays their frames when slow', async () => {
    const connect = () =>
      createPublicClient({
        transport: webSocket(proxy.wsUrl, { retryCount: 0, timeout: 3_000, reconnect: false }),
      })
    const close = async (c: ReturnType<typeof connect>) => (await c.transport.getRpcClient()).close()
    const open = connect()
    try {
      expect(await open.getChainId()).toBe(devnet.chain('a').chainId)
      const dropped = proxy.stats.dropped
      proxy.set({ mode: 'drop' })
      // The open connection is closed, and a new one is refused.
      await expect(open.getBlockNumber({ cacheTime: 0 })).rejects.toThrow()
      await close(open)
      await expect(connect().getChainId()).rejects.toThrow()
      expect(proxy.stats.dropped).toBe(dropped + 1)
      const errored = proxy.stats.errored
      proxy.set({ mode: 'error' })
      await expect(connect().getChainId()).rejects.toThrow()
      expect(proxy.stats.errored).toBe(errored + 1)
      proxy.set({ mode: 'slow', delayMs: 150 })
      const slow = connect()
      expect(await slow.getChainId()).toBe(devnet.chain('a').chainId)
      proxy.set({ mode: 'pass' })
      expect(await slow.getBlockNumber({ cacheTime: 0 })).toBe(
        await devnet.chain('a').publicClient.getBlockNumber({ cacheTime: 0 }),
      )
      await close(slow)
    } finally {
      proxy.set({ mode: 'pass' })
    }
  })

  it('refuses a fault it cannot apply', () => {
    expect(() => proxy.set({ mode: 'slow', delayMs: -1 })).toThrow(RpcFaultError)
    expect(() => proxy.set({ mode: 'explode' } as never)).toThrow(RpcFaultError)
    expect(() => proxy.set({ mode: 'drop', methods: [] })).toThrow(RpcFaultError)
    expect(proxy.fault).toEqual({ mode: 'pass' })
  })
})
