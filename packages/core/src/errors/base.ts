import { version } from '../version.js'

/** Options every {@link CalderaError} accepts. */
export type CalderaErrorOptions = {
  /** The error that caused this one; follow the chain with {@link CalderaError.walk}. */
  cause?: unknown
  /** Longer explanation of what went wrong (values, limits, the failing call). */
  details?: string
  /** What the caller should do about it, in one sentence. */
  hint?: string
  /** Extra lines printed under the short message (one fact per line). */
  metaMessages?: string[]
  /** Path of the relevant page in the docs, if any. */
  docsPath?: string
}

/**
 * Base class of every error the Caldera packages throw.
 *
 * The message is built from a short message, the meta lines, a hint of what to do and the
 * details, so a printed error reads top to bottom: what happened, the facts, the fix.
 *
 * @example
 * import { CalderaError } from '@caldera/core'
 * try { await run() } catch (e) {
 *   if (e instanceof CalderaError) console.error(e.shortMessage, e.hint)
 * }
 */
export class CalderaError extends Error {
  override name = 'CalderaError'
  readonly shortMessage: string
  readonly details: string | undefined
  readonly hint: string | undefined
  readonly metaMessages: string[] | undefined
  readonly docsPath: string | undefined
  readonly version = `@caldera/core@${version}`

  constructor(shortMessage: string, options: CalderaErrorOptions = {}) {
    const details =
      options.details ??
      (options.cause instanceof CalderaError
        ? (options.cause.details ?? options.cause.shortMessage)
        : options.cause instanceof Error
          ? options.cause.message
          : undefined)
    const lines = [
      shortMessage,
      ...(options.metaMessages?.length ? ['', ...options.metaMessages] : []),
      ...(options.hint ? ['', `What to do: ${options.hint}`] : []),
      ...(details ? ['', `Details: ${details}`] : []),
      ...(options.docsPath ? [`Docs: ${options.docsPath}`] : []),
    ]
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause })
    this.shortMessage = shortMessage
    this.details = details
    this.hint = options.hint
    this.metaMessages = options.metaMessages
    this.docsPath = options.docsPath
  }

  /**
   * Follows the `cause` chain and returns the first error for which `fn` returns true, or the
   * deepest error when `fn` is omitted (`null` when nothing matches).
   *
   * @example
   * const rpc = error.walk((e) => e instanceof RpcUnreachableError)
   */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}

function walk(error: unknown, fn?: (error: unknown) => boolean): unknown {
  if (fn?.(error)) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  if (cause !== undefined && cause !== null) return walk(cause, fn)
  return fn ? null : error
}
