import type { ParseArgsConfig } from 'node:util'

/** Where a command writes, and the folder relative paths are read from. */
export type CommandIO = {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

/** One option of a command: a `node:util` parseArgs option plus a description for `--help`. */
export type CommandOption = NonNullable<ParseArgsConfig['options']>[string] & {
  description: string
  /** Placeholder shown in help, e.g. `<file>`. */
  valueName?: string
}

/** A positional argument of a command. */
export type CommandPositional = { name: string; required: boolean; description?: string }

export type CommandRunParameters<options extends Record<string, CommandOption>> = {
  values: {
    [key in keyof options]?: options[key]['type'] extends 'boolean'
      ? boolean
      : options[key] extends { multiple: true }
        ? string[]
        : string
  }
  positionals: string[]
  io: CommandIO
}

/** A `caldera` subcommand. */
export type CalderaCommand<options extends Record<string, CommandOption> = Record<string, CommandOption>> = {
  /** Words after `caldera`, e.g. `['breaker', 'replay']`. */
  path: readonly string[]
  /** One sentence, present tense. */
  summary: string
  /** Usage line, e.g. `caldera breaker replay <events.jsonl> [--policy <file>]`. */
  usage: string
  options: options
  positionals?: readonly CommandPositional[]
  /** Extra help text (examples, exit codes). */
  description?: string
  /**
   * Runs the command and returns its exit code (0 success, 1 a failed check or finding).
   * Throw a `CalderaError` for a failure the user can fix.
   */
  run(parameters: CommandRunParameters<options>): Promise<number>
}

/**
 * Defines a `caldera` subcommand with typed options. Register it in `@caldera/sdk`'s CLI;
 * run it alone (tests) with {@link runCommand}.
 *
 * @example
 * import { defineCommand } from '@caldera/core/cli'
 * export const helloCommand = defineCommand({
 *   path: ['hello'],
 *   summary: 'Greets someone.',
 *   usage: 'caldera hello [--name <name>]',
 *   options: { name: { type: 'string', description: 'Who to greet.', default: 'world' } },
 *   async run({ values, io }) {
 *     io.stdout(`hello ${values.name}\n`)
 *     return 0
 *   },
 * })
 */
export function defineCommand<const options extends Record<string, CommandOption>>(
  command: CalderaCommand<options>,
): CalderaCommand<options> {
  return command
}
