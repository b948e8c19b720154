import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { WatcherStateError } from '../errors/breaker.js'

/** A trip the watcher detected and has not been told to reset: it must stay enforced. */
export type RecordedTrip = { domain: string; detector: string; reason: string; at: number }

/** What a watcher keeps on disk so a restart (after a crash or a SIGKILL) loses nothing. */
export type WatcherState = {
  /** Domains tripped and not reset, by name. */
  trips: Record<string, RecordedTrip>
  /** The last block seen on each chain: a restarted watcher reads the events from there on. */
  blocks: Record<string, string>
}

const FILE = 'watcher-state.json'

/** Reads the state in `dir` (an empty state when there is none yet). */
export function loadWatcherState(dir: string): WatcherState {
  let text: string
  try {
    text = readFileSync(join(dir, FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { trips: {}, blocks: {} }
    throw new WatcherStateError(`Cannot read the watcher state in ${dir}.`, { cause: error as Error })
  }
  try {
    const state = JSON.parse(text) as Partial<WatcherState>
    return { trips: { ...state.trips }, blocks: { ...state.blocks } }
  } catch (error) {
    throw new WatcherStateError(`The watcher state ${join(dir, FILE)} is not valid JSON.`, {
      cause: error as Error,
      hint: 'Restore it from a backup, or remove it after checking on chain which domains are isolated.',
    })
  }
}

/**
 * Writes the state atomically and durably: a temporary file, fsynced, renamed over the old one
 * (a crash leaves either the old state or the new one, never a torn file).
 */
export function saveWatcherState(dir: string, state: WatcherState): void {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, FILE)
  const temporary = `${path}.${process.pid}.tmp`
  const fd = openSync(temporary, 'w')
  try {
    writeSync(fd, JSON.stringify(state))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, path)
  const dirFd = openSync(dir, 'r')
  try {
    fsyncSync(dirFd)
  } finally {
    closeSync(dirFd)
  }
}
