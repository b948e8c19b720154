import type { ChildProcess } from 'node:child_process'

/**
 * Every anvil process this module started and has not yet seen exit. They are killed — by
 * pid, never by name — when the process exits or receives SIGINT / SIGTERM / SIGHUP.
 */
const live = new Set<ChildProcess>()
let installed = false

function killAll(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  live.clear()
}

function install(): void {
  if (installed) return
  installed = true
  process.once('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = () => {
      killAll()
      // Keep the default behaviour (terminate) unless someone else handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
    }
    process.once(signal, handler)
  }
}

/** Tracks a child so it is killed when this process goes away. */
export function track(child: ChildProcess): void {
  install()
  live.add(child)
  child.once('exit', () => live.delete(child))
}

/** Number of tracked children still running (for tests). */
export function liveProcessCount(): number {
  return live.size
}
