import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WorkerConfig } from './worker.js'

const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url))

/** An event line a worker printed. */
export type WorkerEvent = { event: string; [field: string]: unknown }

/** A relayer or watcher running as a child process. */
export type WorkerProcess = {
  child: ChildProcess
  events: WorkerEvent[]
  /** Resolves with the signal that ended the process (`null` for a normal exit). */
  exited: Promise<NodeJS.Signals | null>
  stderr(): string
}

/**
 * Starts `worker.ts` in a new Node process (through tsx, on the workspace sources) with
 * `config` written to `<dir>/<role>-<n>.json`, and collects its event lines.
 */
export function startWorker(config: WorkerConfig, configDir: string, n: number): WorkerProcess {
  const configPath = join(configDir, `${config.role}-${n}.json`)
  writeFileSync(configPath, JSON.stringify(config))
  const child = spawn(
    process.execPath,
    ['--conditions=@caldera/source', '--import', 'tsx', workerPath, configPath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const events: WorkerEvent[] = []
  let buffer = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i)
      buffer = buffer.slice(i + 1)
      try {
        events.push(JSON.parse(line) as WorkerEvent)
      } catch {
        events.push({ event: 'output', line })
      }
    }
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000)
  })
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode)
    else child.once('exit', (_, signal) => resolve(signal))
  })
  return { child, events, exited, stderr: () => stderr }
}

/**
 * Waits until `check` holds, polling every 20 ms; throws after `timeoutMs`. A check that throws
 * (an RPC read timing out on a loaded machine) counts as "not yet"; its last error is named in
 * the timeout.
 */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  for (;;) {
    const ok = await Promise.resolve()
      .then(check)
      .catch((e: unknown) => {
        lastError = e instanceof Error ? e.message.split('\n')[0]! : String(e)
        return false
      })
    if (ok) return
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last read error: ${lastError})` : ''}`,
      )
    await new Promise((r) => setTimeout(r, 20))
  }
}
