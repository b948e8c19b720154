import { keccak256, stringToBytes } from 'viem'
import { AuditChainBrokenError, ComplianceError } from '../errors/compliance.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** One entry of the hash-chained audit log. */
export type AuditEntry = {
  /** 0-based position. */
  seq: number
  /** What was decided: `config`, `sanctions-list`, `alert`, `checkpoint`, or a caller's kind. */
  kind: string
  /** Time of the decision (transaction time, seconds), never the wall clock, so replays match. */
  at: number
  /** JSON-safe details of the decision. */
  data: unknown
  /** Hash of the previous entry (`0x00…00` for the first). */
  prevHash: `0x${string}`
  /** keccak256 over prevHash, seq, kind, at and the canonical JSON of data. */
  hash: `0x${string}`
}

/** An append-only, hash-chained log. */
export type AuditLog = {
  /** Appends an entry and returns it. */
  append(kind: string, at: number, data: unknown): AuditEntry
  /** Entries so far (a copy). */
  entries(): AuditEntry[]
  /** Hash of the last entry: commit it somewhere safe to anchor the log. */
  head(): `0x${string}`
}

const ZERO = `0x${'0'.repeat(64)}` as const

/**
 * JSON with sorted object keys (bigints as decimal strings), so a hash does not depend on key order.
 *
 * @example
 * import { canonicalJson } from '@caldera/compliance'
 * canonicalJson({ b: 1n, a: [true] }) // '{"a":[true],"b":"1"}'
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, new Set(), 0)
}

/** Deeper than this is not a decision record: refused instead of overflowing the stack. */
const MAX_DEPTH = 256

function canonical(value: unknown, open: Set<object>, depth: number): string {
  if (typeof value === 'bigint') return JSON.stringify(value.toString())
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (open.has(value)) throw new ComplianceError('canonicalJson: the value contains a cycle.')
  if (depth >= MAX_DEPTH)
    throw new ComplianceError(`canonicalJson: the value is nested deeper than ${MAX_DEPTH} levels.`)
  open.add(value)
  try {
    if (Array.isArray(value)) return `[${value.map((v) => canonical(v, open, depth + 1)).join(',')}]`
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], open, depth + 1)}`).join(',')}}`
  } finally {
    open.delete(value)
  }
}

function entryHash(prevHash: string, seq: number, kind: string, at: number, data: unknown): `0x${string}` {
  return keccak256(stringToBytes(`${prevHash}|${seq}|${kind}|${at}|${canonicalJson(data)}`))
}

/**
 * Creates an append-only audit log in which every entry commits to the one before it, so
 * altering, dropping or reordering an entry breaks the chain ({@link verifyAuditLog}).
 *
 * @example
 * import { createAuditLog, verifyAuditLog } from '@caldera/compliance'
 * const log = createAuditLog()
 * log.append('decision', 1700000000, { account: 'A', action: 'escalate' })
 * verifyAuditLog({ entries: log.entries() }) // { ok: true, head: '0x…' }
 */
export function createAuditLog(): AuditLog {
  const list: AuditEntry[] = []
  let head: `0x${string}` = ZERO
  return {
    append(kind, at, data) {
      const seq = list.length
      const hash = entryHash(head, seq, kind, at, data)
      const entry: AuditEntry = { seq, kind, at, data, prevHash: head, hash }
      list.push(entry)
      head = hash
      return entry
    },
    entries: () => list.map((e) => ({ ...e })),
    head: () => head,
  }
}

/**
 * Checks the hash chain of audit entries (for example read back from a JSON file).
 *
 * @param parameters - `entries`, and optionally the `expectedHead` you anchored earlier.
 * @returns `{ ok: true, head }`, or `{ ok: false, error }` naming the first broken entry.
 *
 * @example
 * import { verifyAuditLog } from '@caldera/compliance'
 * const result = verifyAuditLog({ entries: JSON.parse(text) })
 * if (!result.ok) throw result.error
 */
export function verifyAuditLog(parameters: {
  entries: readonly AuditEntry[]
  expectedHead?: `0x${string}`
}): { ok: true; head: `0x${string}` } | { ok: false; error: AuditChainBrokenError } {
  check(inputSchemas.auditLog, parameters, 'audit log')
  let prev: `0x${string}` = ZERO
  for (const [i, e] of parameters.entries.entries()) {
    if (e.seq !== i)
      return {
        ok: false,
        error: new AuditChainBrokenError({ seq: i, reason: `sequence ${e.seq} where ${i} was expected` }),
      }
    if (e.prevHash !== prev)
      return {
        ok: false,
        error: new AuditChainBrokenError({ seq: i, reason: 'previous hash does not match' }),
      }
    if (entryHash(prev, e.seq, e.kind, e.at, e.data) !== e.hash)
      return {
        ok: false,
        error: new AuditChainBrokenError({ seq: i, reason: 'entry content does not match its hash' }),
      }
    prev = e.hash
  }
  if (parameters.expectedHead !== undefined && parameters.expectedHead !== prev)
    return {
      ok: false,
      error: new AuditChainBrokenError({
        seq: parameters.entries.length,
        reason: 'log was truncated (head differs from the anchored head)',
      }),
    }
  return { ok: true, head: prev }
}
