import { parse } from '@caldera/core'
import { type CalderaCommand, type CommandIO, exitCodes, processIO, runCommand } from '@caldera/core/cli'
import { z } from 'zod'
import { version } from '../version.js'

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: what })
const runCliSchema = z.tuple([
  z.array(
    z.looseObject({
      path: z.array(z.string()).min(1),
      summary: z.string(),
      run: fn('a command (defineCommand)'),
    }),
  ),
  z.array(z.string()),
  z.looseObject({
    stdout: fn('a function (text) => void'),
    stderr: fn('a function (text) => void'),
    cwd: z.string(),
  }),
])

// biome-ignore lint/suspicious/noExplicitAny: commands of any option shape
type AnyCommand = CalderaCommand<any>

function listing(commands: readonly AnyCommand[], prefix: readonly string[]): string {
  const shown = commands.filter((c) => prefix.every((word, i) => c.path[i] === word))
  const names = shown.map((c) => `caldera ${c.path.join(' ')}`)
  const width = Math.max(0, ...names.map((n) => n.length))
  return shown.map((c, i) => `  ${names[i]!.padEnd(width)}  ${c.summary}`).join('\n')
}

function help(commands: readonly AnyCommand[], prefix: readonly string[] = []): string {
  return [
    `caldera ${version} — the Caldera Scenario SDK command line`,
    '',
    `Usage: caldera ${prefix.length ? `${prefix.join(' ')} ` : ''}<command> [options]`,
    '',
    'Commands:',
    listing(commands, prefix),
    '',
    "Run 'caldera <command> --help' for a command's options.",
    'Exit codes: 0 success, 1 failure, 2 usage error.',
    '',
  ].join('\n')
}

/**
 * Runs the `caldera` command line: finds the command whose path matches the first words of
 * `argv` and runs it with the rest. Returns the exit code; never throws.
 *
 * @example
 * import { commands, runCli } from '@caldera/sdk/cli'
 * process.exitCode = await runCli(commands, process.argv.slice(2))
 */
export async function runCli(
  commands: readonly AnyCommand[],
  argv: readonly string[],
  io: CommandIO = processIO(),
): Promise<number> {
  parse(runCliSchema, [commands, argv, io], 'runCli (commands, argv, io)')
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(help(commands))
    return exitCodes.ok
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout(`${version}\n`)
    return exitCodes.ok
  }
  const words = argv.filter((a) => !a.startsWith('-'))
  const command = [...commands]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((word, i) => argv[i] === word))
  if (command) return runCommand(command, argv.slice(command.path.length), io)
  // A group (`caldera aml`) or a group's help (`caldera aml --help`).
  const group = commands.some((c) => c.path[0] === words[0])
  if (
    group &&
    argv.length >= 1 &&
    argv[0] === words[0] &&
    (argv.length === 1 || argv.includes('--help') || argv.includes('-h'))
  ) {
    io.stdout(help(commands, [words[0]!]))
    return argv.length === 1 ? exitCodes.usage : exitCodes.ok
  }
  const attempted = words.slice(0, 2).join(' ')
  io.stderr(
    `caldera: unknown command "${attempted}".\n${
      group
        ? `Commands of "${words[0]}":\n${listing(commands, [words[0]!])}\n`
        : "Run 'caldera --help' for the list of commands.\n"
    }`,
  )
  return exitCodes.usage
}
