import { z } from 'zod'

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: what })

/** The shape of a `caldera` command, checked where a command enters `runCommand`/`formatCommandHelp`. */
export const commandSchema = z.object({
  path: z.array(z.string().min(1)).min(1),
  summary: z.string(),
  usage: z.string(),
  options: z.record(
    z.string(),
    z.looseObject({ type: z.enum(['string', 'boolean']), description: z.string() }),
  ),
  positionals: z.array(z.object({ name: z.string(), required: z.boolean() }).loose()).optional(),
  description: z.string().optional(),
  run: fn('a function run({ values, positionals, io })'),
})

/** Command-line arguments: strings only. */
export const argvSchema = z.array(z.string())

/** Where a command writes. */
export const commandIOSchema = z.object({
  stdout: fn('a function (text) => void'),
  stderr: fn('a function (text) => void'),
  cwd: z.string(),
})
