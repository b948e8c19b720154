import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { channelAbi } from '@caldera/contracts'
import { domainIdOf, parseEra } from '@caldera/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Network, startNetwork, TIERS, until } from '../../test/network.js'
import { sendTransfer } from '../actions/sendTransfer.js'
import { Journal } from './journal.js'

const childPath = fileURLToPath(new URL('../../test/relayerChild.ts', import.meta.url))

type ChildEvent = { event: string; keys?: string[]; message?: string }

function startChild(configPath: string) {
  const child = spawn(
    process.execPath,
    ['--conditions=@caldera/source', '--import', 'tsx', childPath, configPath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const events: ChildEvent[] = []
  let buffer = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    let i = buffer.indexOf('\n')
    while (i >= 0) {
      events.push(JSON.parse(buffer.slice(0, i)) as ChildEvent)
      buffer = buffer.slice(i + 1)
      i = buffer.indexOf('\n')
    }
  })
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString()
  })
  return { child, events, stderr: () => stderr }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  )

describe('relayer crash safety', () => {
  let net: Network
  let dir: string
  beforeAll(async () => {
    net = await startNetwork()
    dir = mkdtempSync(join(tmpdir(), 'caldera-relayer-'))
  })
  afterAll(async () => {
    await net?.devnet.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('killed with SIGKILL mid-batch and restarted, loses and duplicates nothing', async () => {
    const lanes = [
      ['financial', 'enterprise'],
      ['enterprise', 'light'],
      ['light', 'financial'],
    ] as const
    const perLane = 8
    const sent = new Map<string, bigint>()
    for (const [from, to] of lanes) {
      const user = await net.fundUser(from, parseEra('100000'))
      const chain = net.devnet.chain(from)
      const wallet = { ...chain.walletClient, account: user } as typeof chain.walletClient
      for (let i = 0; i < perLane; i++) {
        const amount = parseEra(String(100 + i))
        const r = await sendTransfer(wallet, {
          channel: net.domain(from).channel,
          toDomain: to,
          recipient: user.address,
          amount,
        })
        expect(r.held).toBe(false)
        if (!r.held) sent.set(`${from}>${to}#${r.nonce}`, amount)
      }
    }
    // Blocks every second from now on, so a killed relayer leaves a batch in flight.
    for (const tier of TIERS) {
      await net.devnet.chain(tier).testClient.setAutomine(false)
      await net.devnet.chain(tier).testClient.setIntervalMining({ interval: 1 })
    }
    const configPath = join(dir, 'config.json')
    writeFileSync(
      configPath,
      JSON.stringify({
        queueDir: join(dir, 'queue'),
        batchSize: 3,
        domains: net.domains.map((d) => ({
          name: d.name,
          tier: d.tier,
          channel: d.channel,
          rpcUrl: net.devnet.chain(d.name).rpcUrl,
          chainId: net.devnet.chain(d.name).chainId,
        })),
      }),
    )

    const first = startChild(configPath)
    await until(() => first.events.filter((e) => e.event === 'sent').length >= 4, 60_000, 'batches in flight')
    first.child.kill('SIGKILL')
    await exited(first.child)
    // At least one submitted batch had not been confirmed when the process died.
    const confirmed = new Set(
      first.events.filter((e) => e.event === 'delivered').flatMap((e) => e.keys ?? []),
    )
    const inFlight = first.events
      .filter((e) => e.event === 'sent')
      .flatMap((e) => e.keys ?? [])
      .filter((k) => !confirmed.has(k))
    expect(inFlight.length).toBeGreaterThan(0)
    const afterCrash = new Journal(join(dir, 'queue'))
    const pendingAtCrash = afterCrash.pending.size
    afterCrash.close()
    expect(pendingAtCrash).toBeGreaterThan(0)
    expect(pendingAtCrash).toBeLessThan(sent.size)

    const second = startChild(configPath)
    const delivered = async () => {
      for (const [key] of sent) {
        const [lane, nonce] = key.split('#') as [string, string]
        const [from, to] = lane.split('>') as [string, string]
        const done = await net.devnet.chain(to).publicClient.readContract({
          address: net.domain(to).channel,
          abi: channelAbi,
          functionName: 'executed',
          args: [domainIdOf(from), BigInt(nonce)],
        })
        if (!done) return false
      }
      return true
    }
    await until(delivered, 90_000, `every message delivered (${second.stderr()})`)
    await until(() => second.events.some((e) => e.event === 'started'), 10_000, 'restart')
    second.child.kill('SIGTERM')
    await exited(second.child)

    // Exactly one delivery per message, and the released value equals the value sent.
    for (const tier of TIERS) {
      const chain = net.devnet.chain(tier)
      const logs = await chain.publicClient.getContractEvents({
        address: net.domain(tier).channel,
        abi: channelAbi,
        eventName: 'MessageDelivered',
        fromBlock: 0n,
      })
      const keys = logs.map((l) => `${l.args.sourceDomain}#${l.args.nonce}`)
      expect(new Set(keys).size).toBe(keys.length)
      expect(keys.length).toBe(perLane)
      const expected = [...sent].filter(([k]) => k.includes(`>${tier}#`)).reduce((a, [, v]) => a + v, 0n)
      expect((await net.totals(tier)).released).toBe(expected)
    }
    const journal = new Journal(join(dir, 'queue'))
    expect(journal.pending.size).toBe(0)
    expect(journal.done.size).toBe(sent.size)
    journal.close()
  })
})
