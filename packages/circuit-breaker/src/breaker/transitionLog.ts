import { type Hex, keccak256, stringToHex } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'

/** States of a domain's breaker. */
export type BreakerState = 'closed' | 'open' | 'halfOpen'

/** One hash-chained entry of a breaker's transition log. */
export type TransitionEntry = {
  readonly seq: number
  /** Seconds (the clock the breaker was given). */
  readonly at: number
  readonly domain: string
  readonly from: BreakerState
  readonly to: BreakerState
  readonly reason: string
  /** Who asked for it (`detector:<name>`, an operator id, `probation`). */
  readonly by: string
  /** Hash of the previous entry (`0x00…` for the first). */
  readonly prevHash: Hex
  readonly hash: Hex
}

export const GENESIS_HASH: Hex = `0x${'0'.repeat(64)}`

/** The hash of an entry: keccak256 over its fields and the previous hash. */
export function hashTransition(entry: Omit<TransitionEntry, 'hash'>): Hex {
  return keccak256(
    stringToHex(
      JSON.stringify([
        entry.seq,
        entry.at,
        entry.domain,
        entry.from,
        entry.to,
        entry.reason,
        entry.by,
        entry.prevHash,
      ]),
    ),
  )
}

/** Appends a transition to a log, chaining it to the last entry's hash. */
export function appendTransition(
  log: TransitionEntry[],
  entry: Omit<TransitionEntry, 'hash' | 'prevHash' | 'seq'>,
): TransitionEntry {
  const prevHash = log.at(-1)?.hash ?? GENESIS_HASH
  const body = { ...entry, seq: log.length, prevHash }
  const full = Object.freeze({ ...body, hash: hashTransition(body) })
  log.push(full)
  return full
}

/** Result of {@link verifyTransitionLog}. */
export type VerifyTransitionLogReturnType = { valid: true } | { valid: false; index: number; problem: string }

/**
 * Checks a transition log: every entry's hash, its link to the previous one, its sequence
 * number and that each transition starts where the previous one ended. Any edit, deletion or
 * reordering is found.
 *
 * @example
 * import { verifyTransitionLog } from '@caldera/circuit-breaker'
 * verifyTransitionLog(breaker.log) // { valid: true }
 */
export function verifyTransitionLog(log: readonly TransitionEntry[]): VerifyTransitionLogReturnType {
  check(inputSchemas.transitionLog, log, 'transition log')
  let prev: Hex = GENESIS_HASH
  let state: BreakerState = 'closed'
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!
    if (e.seq !== i) return { valid: false, index: i, problem: `sequence ${e.seq}, expected ${i}` }
    if (e.prevHash !== prev) return { valid: false, index: i, problem: 'not linked to the previous entry' }
    if (hashTransition(e) !== e.hash)
      return { valid: false, index: i, problem: 'hash does not match the entry' }
    if (e.from !== state)
      return { valid: false, index: i, problem: `starts in ${e.from}, previous ended in ${state}` }
    prev = e.hash
    state = e.to
  }
  return { valid: true }
}
