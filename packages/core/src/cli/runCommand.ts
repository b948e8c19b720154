import { parseArgs } from 'node:util'
import { CalderaError } from '../errors/base.js'
import { parse } from '../validation/parse.js'
import { argvSchema, commandIOSchema, commandSchema } from './commandSchema.js'
import type { CalderaCommand, CommandIO, CommandOption } from './defineCommand.js'
import { formatCommandHelp } from './formatCommandHelp.js'

/** Exit codes every `caldera` command uses. */
export const exitCodes = {
  /** Done; every check passed. */
  ok: 0,
  /** A failure the user can act on (bad input file, failed check, unreachable RPC). */
  failure: 1,
  /** Wrong usage: unknown flag, missing argument. */
  usage: 2,
} as const

/** IO bound to this process's stdout, stderr and working directory. */
export function processIO(): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  }
}

/**
 * Runs one command with the arguments that follow its path. Handles `--help`, rejects unknown
 * flags and missing arguments (exit 2), and prints a `CalderaError` as a message without a stack
 * (exit 1). Never throws for anything the user typed; a malformed command, argv or io (a
 * programming error) is refused with a `ValidationError`.
 *
 * @example
 * import { runCommand } from '@caldera/core/cli'
 * const out: string[] = []
 * const code = await runCommand(helloCommand, ['--name', 'Ada'], { stdout: (t) => out.push(t), stderr: console.error, cwd: '.' })
 */
export async function runCommand(
  // biome-ignore lint/suspicious/noExplicitAny: commands of any option shape are accepted here
  command: CalderaCommand<any>,
  argv: readonly string[],
  io: CommandIO = processIO(),
): Promise<number> {
  parse(commandSchema, command, 'command')
  parse(argvSchema, argv, 'argv')
  parse(commandIOSchema, io, 'command io')
  const name = `caldera ${command.path.join(' ')}`
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(formatCommandHelp(command))
    return exitCodes.ok
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options as Record<string, CommandOption>).map(
        ([key, { description: _d, valueName: _v, ...rest }]) => [key, rest],
      ),
    )
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(
      `${name}: ${(error as Error).message.replace(/\. To specify a positional.*$/s, '.')}\nUsage: ${command.usage}\nRun '${name} --help' for the options.\n`,
    )
    return exitCodes.usage
  }
  const positionals = command.positionals ?? []
  const missing = positionals.filter((p, i) => p.required && parsed.positionals[i] === undefined)
  if (missing.length > 0) {
    io.stderr(`${name}: missing ${missing.map((p) => `<${p.name}>`).join(' ')}.\nUsage: ${command.usage}\n`)
    return exitCodes.usage
  }
  if (parsed.positionals.length > positionals.length) {
    const extra = parsed.positionals.slice(positionals.length)
    io.stderr(
      `${name}: unexpected argument ${extra.map((a) => JSON.stringify(a)).join(' ')}.\nUsage: ${command.usage}\n`,
    )
    return exitCodes.usage
  }
  try {
    return await command.run({ values: parsed.values as never, positionals: parsed.positionals, io })
  } catch (error) {
    if (error instanceof CalderaError) {
      io.stderr(`${name}: ${error.message}\n`)
      return exitCodes.failure
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(
      `${name}: unexpected error: ${message}\n${process.env.CALDERA_DEBUG && error instanceof Error ? `${error.stack}\n` : 'Set CALDERA_DEBUG=1 to print the stack.\n'}`,
    )
    return exitCodes.failure
  }
}
