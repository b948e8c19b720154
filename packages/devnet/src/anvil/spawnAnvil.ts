import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { ChainExitedError, ChainStartTimeoutError } from '../errors/devnet.js'
import { freePort } from './freePort.js'
import { track } from './processRegistry.js'

export type AnvilOptions = {
  name: string
  binary: string
  chainId: number
  host: string
  port?: number
  blockTime?: number
  accounts: number
  balance: number
  gasLimit?: bigint
  baseFee?: bigint
  hardfork?: string
  startTimeoutMs: number
}

export type AnvilProcess = {
  readonly pid: number
  readonly port: number
  readonly rpcUrl: string
  readonly wsUrl: string
  /** Last lines anvil printed (for error messages). */
  output(): string
  /** Whether the process is still running. */
  running(): boolean
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>
  /** Freezes the process (SIGSTOP) and resolves once it is stopped: its RPC stops answering, its state is kept. */
  suspend(): Promise<void>
  /** Unfreezes a suspended process (SIGCONT). */
  resume(): void
}

const OUTPUT_LIMIT = 4_000
const PORT_ATTEMPTS = 4

/** Starts one anvil process and resolves once it answers `eth_chainId`. */
export async function spawnAnvil(options: AnvilOptions): Promise<AnvilProcess> {
  let lastError: unknown
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = options.port ?? (await freePort(options.host))
    try {
      return await spawnOnce(options, port)
    } catch (error) {
      lastError = error
      // Another process may have taken the port between our probe and anvil's bind: retry.
      const portTaken =
        error instanceof ChainExitedError && /address already in use|in use/i.test(error.message)
      if (!portTaken || options.port !== undefined) throw error
    }
  }
  throw lastError
}

function argsFor(options: AnvilOptions, port: number): string[] {
  const args = [
    '--host',
    options.host,
    '--port',
    String(port),
    '--chain-id',
    String(options.chainId),
    '--accounts',
    String(options.accounts),
    '--balance',
    String(options.balance),
  ]
  if (options.blockTime !== undefined) args.push('--block-time', String(options.blockTime))
  if (options.gasLimit !== undefined) args.push('--gas-limit', options.gasLimit.toString())
  if (options.baseFee !== undefined) args.push('--block-base-fee-per-gas', options.baseFee.toString())
  if (options.hardfork !== undefined) args.push('--hardfork', options.hardfork)
  return args
}

async function spawnOnce(options: AnvilOptions, port: number): Promise<AnvilProcess> {
  const child = spawn(options.binary, argsFor(options, port), { stdio: ['ignore', 'pipe', 'pipe'] })
  track(child)
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited: { code: number | null; signal: string | null } | undefined
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal }
      resolve()
    })
  })
  child.once('error', (error) => {
    keep(Buffer.from(String(error)))
  })
  const rpcUrl = `http://${options.host}:${port}`
  const tail = () => output.trim().split('\n').slice(-12).join('\n')

  const deadline = Date.now() + options.startTimeoutMs
  for (;;) {
    if (exited) {
      throw new ChainExitedError({
        chain: options.name,
        code: exited.code,
        signal: exited.signal,
        output: tail(),
      })
    }
    if (await answers(rpcUrl)) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new ChainStartTimeoutError({
        chain: options.name,
        rpcUrl,
        timeoutMs: options.startTimeoutMs,
        output: tail(),
      })
    }
    await sleep(40)
  }

  const process_: AnvilProcess = {
    pid: child.pid ?? -1,
    port,
    rpcUrl,
    wsUrl: `ws://${options.host}:${port}`,
    output: tail,
    running: () => !exited,
    stop: (graceMs = 3_000) => stopChild(child, exitPromise, () => exited !== undefined, graceMs),
    suspend: async () => {
      if (exited) return
      child.kill('SIGSTOP')
      await waitUntilStopped(child.pid ?? -1)
    },
    resume: () => {
      if (!exited) child.kill('SIGCONT')
    },
  }
  return process_
}

async function stopChild(
  child: ChildProcess,
  exitPromise: Promise<void>,
  hasExited: () => boolean,
  graceMs: number,
): Promise<void> {
  if (hasExited()) return
  child.kill('SIGCONT') // a suspended process cannot handle SIGTERM
  child.kill('SIGTERM')
  const timer = setTimeout(() => {
    if (!hasExited()) child.kill('SIGKILL')
  }, graceMs)
  await exitPromise
  clearTimeout(timer)
}

/** Signals are delivered asynchronously: wait until the kernel reports the process stopped. */
async function waitUntilStopped(pid: number): Promise<void> {
  const statPath = `/proc/${pid}/stat`
  if (!existsSync(statPath)) {
    await sleep(50)
    return
  }
  const deadline = Date.now() + 2_000
  while (Date.now() < deadline) {
    try {
      const stat = await readFile(statPath, 'utf8')
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
      if (state === 'T' || state === 't') return
    } catch {
      return
    }
    await sleep(5)
  }
}

async function answers(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1_000),
    })
    return response.ok
  } catch {
    return false
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
