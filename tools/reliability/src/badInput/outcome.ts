import { CalderaError, ValidationError } from '@caldera/core'

/** What happened when one hostile input was driven through one function or command. */
export type Outcome =
  /** Threw a typed `CalderaError` (or subclass) with a message, or a command exited non-zero cleanly. */
  | { kind: 'refused'; detail: string }
  /** Returned normally. */
  | { kind: 'accepted'; detail: string }
  /** Threw something else (TypeError, RangeError, SyntaxError, a bare Error, a stack trace…). */
  | { kind: 'crashed'; detail: string }

const stackLine = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m

/** True when `text` contains a JavaScript stack frame line (`    at fn (file.ts:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return stackLine.test(text)
}

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/** Sorts a thrown value into a clean refusal or a crash, with a one-line description. */
export function classifyThrown(error: unknown): Outcome {
  if (!(error instanceof CalderaError)) {
    const name = error instanceof Error ? error.constructor.name : typeof error
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'crashed', detail: `${name}: ${oneLine(message)}` }
  }
  const name = error.name
  if (!name || name === 'Error' || error.constructor.name !== name)
    return {
      kind: 'crashed',
      detail: `${error.constructor.name} with name "${name}": ${oneLine(error.message)}`,
    }
  if (!error.shortMessage || error.message.trim().length === 0)
    return { kind: 'crashed', detail: `${name} without a message` }
  if (hasStackTrace(error.message))
    return { kind: 'crashed', detail: `${name} with a stack trace in its message` }
  if (error instanceof ValidationError && error.issues.length === 0)
    return { kind: 'crashed', detail: `${name} that names no field` }
  return { kind: 'refused', detail: `${name}: ${oneLine(error.shortMessage, 100)}` }
}

/** Summarizes a value for a report line. */
export function summarize(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol' || typeof value === 'function') return String(value)
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`
  try {
    return oneLine(JSON.stringify(value) ?? String(value), 60)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join(',')

/** Non-null when a call left something on `Object.prototype` (prototype pollution). */
export function prototypePollution(): string | null {
  const now = Object.getOwnPropertyNames(Object.prototype).sort().join(',')
  const probe = {} as Record<string, unknown>
  if (now !== prototypeKeys || probe.polluted !== undefined) {
    for (const key of Object.getOwnPropertyNames(Object.prototype))
      if (!prototypeKeys.split(',').includes(key)) delete (Object.prototype as Record<string, unknown>)[key]
    return `Object.prototype gained keys: ${now}`
  }
  return null
}
