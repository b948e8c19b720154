import type { z } from 'zod'
import { CalderaError } from '../errors/base.js'
import { describeValue } from './describeValue.js'

/** One problem found in an input: where, what was given, what was expected. */
export type ValidationIssue = {
  /** Dotted path of the field, e.g. `domains[0].profile.minValidators`; `(root)` for the input itself. */
  path: string
  /** What the field held, rendered for a message. */
  received: string
  /** What the field should hold. */
  expected: string
}

/**
 * Turns a zod error into issues that name the field, what was given and what was expected.
 *
 * @example
 * const result = schema.safeParse(input, { reportInput: true })
 * if (!result.success) console.log(formatZodError(result.error, input))
 */
export function formatZodError(error: z.ZodError, input?: unknown): ValidationIssue[] {
  return error.issues.flatMap((issue) => formatIssue(issue as z.core.$ZodIssue, input, []))
}

/** Renders a property path the way it would be written in TypeScript. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (!Array.isArray(path))
    throw new CalderaError(`formatPath: path must be an array of property keys, got ${describeValue(path)}.`)
  if (path.length === 0) return '(root)'
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
}

function formatIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  prefix: readonly PropertyKey[],
): ValidationIssue[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the branch that got furthest (most specific path); unions of literals fall through.
    const branches = issue.errors
      .map((errs) => errs.flatMap((e) => formatIssue(e, input, path)))
      .sort((a, b) => depth(b) - depth(a))
    const best = branches[0]
    if (best && best.length > 0 && depth(best) > path.length) return best
  }
  const received =
    'input' in issue && issue.input !== undefined
      ? describeValue(issue.input)
      : describeValue(valueAt(input, path))
  return [{ path: formatPath(path), received, expected: expectedOf(issue) }]
}

function depth(issues: ValidationIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.split(/[.[]/).length))
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function bound(issue: { origin: string; inclusive?: boolean }, limit: unknown, side: 'min' | 'max'): string {
  const n = typeof limit === 'bigint' ? limit.toString() : String(limit)
  switch (issue.origin) {
    case 'string':
      return side === 'min' ? `at least ${n} characters` : `at most ${n} characters`
    case 'array':
    case 'set':
      return side === 'min' ? `at least ${n} items` : `at most ${n} items`
    default: {
      const op = side === 'min' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<'
      return `a ${issue.origin} ${op} ${n}`
    }
  }
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return custom(issue.message, `a ${issue.expected}`)
    case 'too_small':
      return bound(issue, issue.minimum, 'min')
    case 'too_big':
      return bound(issue, issue.maximum, 'max')
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(typeof v === 'bigint' ? `${v}` : v)).join(', ')}`
    case 'invalid_format':
      return custom(issue.message, `a valid ${issue.format}`)
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`
    case 'unrecognized_keys':
      return `no unknown keys (remove ${issue.keys.map((k) => JSON.stringify(k)).join(', ')})`
    default:
      return issue.message
  }
}

/** Prefers a schema's own message (set with `{ message }`) over zod's generic one. */
function custom(message: string, fallback: string): string {
  return message.startsWith('Invalid input') || message.startsWith('Invalid ') ? fallback : message
}
