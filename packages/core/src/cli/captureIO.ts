import { z } from 'zod'
import { parse } from '../validation/parse.js'
import type { CommandIO } from './defineCommand.js'

/** IO that records what a command writes, for tests and for embedding commands. */
export type CapturedIO = {
  io: CommandIO
  /** Every chunk written to stdout, in order. */
  out: string[]
  /** Every chunk written to stderr, in order. */
  err: string[]
  /** All of stdout as one string. */
  stdout(): string
  /** All of stderr as one string. */
  stderr(): string
}

const captureIOOptionsSchema = z.object({ cwd: z.string().optional() })

/**
 * Creates IO that captures a command's output instead of printing it.
 *
 * @param options - `cwd`: the folder the command reads relative paths from (default: this process's).
 * @example
 * import { captureIO, runCommand } from '@caldera/core/cli'
 * const captured = captureIO()
 * const code = await runCommand(helloCommand, ['--name', 'Ada'], captured.io)
 * console.log(code, captured.stdout())
 */
export function captureIO(options: { cwd?: string } = {}): CapturedIO {
  parse(captureIOOptionsSchema, options, 'captureIO options')
  const cwd = options.cwd ?? process.cwd()
  const out: string[] = []
  const err: string[] = []
  return {
    io: { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), cwd },
    out,
    err,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  }
}
