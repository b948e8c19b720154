/**
 * Drives every `caldera` command with hostile argv and hostile files through `runCommand`:
 * a clean refusal exits non-zero with a message on stderr, prints no stack trace, and leaves
 * every output the command was given (`--out`, an output positional) absent or unchanged.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CalderaCommand, CommandOption } from '@caldera/core/cli'
import { captureIO, runCommand } from '@caldera/core/cli'
import { commandConfig, strangeOptionValues } from './config.js'
import { hostileFiles } from './corpus.js'
import type { CallResult } from './driveFunctions.js'
import { hasStackTrace, type Outcome, prototypePollution } from './outcome.js'

// biome-ignore lint/suspicious/noExplicitAny: commands of every option shape
type AnyCommand = CalderaCommand<any>

/** One hostile command line. */
export type CommandCase = {
  label: string
  argv: string[]
  expectation: 'bad' | 'strange'
  /** Paths the command was told to write; each must be absent or unchanged after a refusal. */
  outputs: string[]
}

/** What a command case may use: the folder of hostile files and a devnet RPC URL. */
export type CommandContext = { dir: string; rpcUrl: string }

/** The name of a command as typed: `aml scan`. */
export function commandName(command: AnyCommand): string {
  return command.path.join(' ')
}

/** True for a value that is a command definition (`path` + `run`). */
export function isCommand(value: unknown): value is AnyCommand {
  const c = value as Partial<AnyCommand> | null
  return typeof c === 'object' && c !== null && Array.isArray(c.path) && typeof c.run === 'function'
}

/** Writes the hostile files into `dir` and returns the paths of the file cases. */
export function writeHostileFiles(dir: string): { label: string; path: string }[] {
  const cases = hostileFiles.map((file) => {
    const path = join(dir, file.name)
    writeFileSync(path, file.content)
    return { label: file.label, path }
  })
  const folder = join(dir, 'a-directory.json')
  mkdirSync(folder, { recursive: true })
  cases.push({ label: 'a directory instead of a file', path: folder })
  cases.push({ label: 'missing file', path: join(dir, 'does-not-exist.json') })
  return cases
}

let fresh = 0
function freshOutput(dir: string, existing: boolean): string {
  fresh++
  const path = join(dir, `out-${fresh}${existing ? '.keep' : ''}`)
  if (existing) writeFileSync(path, `previous output ${fresh}\n`)
  return path
}

/** Builds every hostile case of one command. */
export function commandCases(command: AnyCommand, context: CommandContext): CommandCase[] {
  const name = commandName(command)
  const config = commandConfig[name] ?? {}
  const options = command.options as Record<string, CommandOption>
  const positionals = command.positionals ?? []
  const outputPositionals = new Set(config.outputPositionals ?? [])
  const files = writeHostileFiles(context.dir)
  const base = config.base?.(context) ?? []
  const cases: CommandCase[] = []
  let existingToggle = false

  // Every case gets fresh output paths: alternately absent and pre-existing with known content.
  const withOutputs = (
    label: string,
    argv: string[],
    expectation: 'bad' | 'strange',
    positionalArgs: string[],
  ) => {
    existingToggle = !existingToggle
    const outputs: string[] = []
    const args = positionalArgs.map((arg, i) => {
      if (!outputPositionals.has(i)) return arg
      const out = freshOutput(context.dir, existingToggle)
      outputs.push(out)
      return out
    })
    const extra: string[] = []
    if (config.outOption) {
      const out = freshOutput(context.dir, existingToggle)
      outputs.push(out)
      extra.push(`--${config.outOption}=${out}`)
    }
    cases.push({ label, argv: [...args, ...base, ...argv, ...extra], expectation, outputs })
  }
  const positionalsWith = (path: string) => positionals.map(() => path)
  // Filler for input positionals when another part of the argv is the hostile one.
  const firstFile = join(context.dir, 'does-not-exist.json')

  withOutputs('unknown flag --no-such-flag', ['--no-such-flag'], 'bad', positionalsWith(firstFile))
  withOutputs('unknown short flag -Z', ['-Z'], 'bad', positionalsWith(firstFile))
  withOutputs('extra positional argument', [], 'bad', [...positionalsWith(firstFile), 'extra-argument'])
  const required = positionals.filter((p) => p.required).length
  for (let given = 0; given < required; given++)
    withOutputs(
      `only ${given} of ${required} required arguments`,
      [],
      'bad',
      positionalsWith(firstFile).slice(0, given),
    )

  // Hostile files in every input positional (all at once, and each alone among missing files).
  // An empty file may be a valid empty input (no transactions): a clean exit 0 is fine there.
  for (const file of files) {
    const expectation = file.label === 'empty file' ? 'strange' : 'bad'
    if (positionals.length > 0)
      withOutputs(
        `<${positionals.map((p) => p.name).join('>, <')}> = ${file.label}`,
        [],
        expectation,
        positionalsWith(file.path),
      )
    for (const option of config.fileOptions ?? [])
      withOutputs(
        `--${option} = ${file.label}`,
        [`--${option}=${file.path}`],
        expectation,
        positionalsWith(file.path),
      )
  }

  // Hostile values of every other string option.
  for (const [key, option] of Object.entries(options)) {
    if (key === config.outOption || (config.fileOptions ?? []).includes(key) || option.type !== 'string')
      continue
    for (const value of config.badValues?.[key] ?? [])
      withOutputs(
        `--${key}=${JSON.stringify(value).slice(0, 40)}`,
        [`--${key}=${value}`],
        'bad',
        positionalsWith(firstFile),
      )
    if (config.heavy) continue
    for (const value of strangeOptionValues)
      withOutputs(
        `--${key}=${JSON.stringify(value).slice(0, 40)} (strange)`,
        [`--${key}=${value}`],
        positionals.length > 0 ? 'bad' : 'strange',
        positionalsWith(firstFile),
      )
  }
  return cases
}

function snapshot(path: string): string | null {
  if (!existsSync(path)) return null
  const stat = statSync(path)
  if (stat.isDirectory()) return `dir:${readdirSync(path, { recursive: true }).sort().join(',')}`
  return `file:${createHash('sha256').update(readFileSync(path)).digest('hex')}`
}

/** Runs one case and judges it. */
export async function runCase(command: AnyCommand, c: CommandCase, timeoutMs: number): Promise<CallResult> {
  const before = c.outputs.map(snapshot)
  const captured = captureIO({ cwd: c.outputs[0] ? join(c.outputs[0], '..') : process.cwd() })
  let outcome: Outcome
  let timer: NodeJS.Timeout | undefined
  try {
    const code = await Promise.race([
      runCommand(command, c.argv, captured.io),
      new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => resolve('hung'), timeoutMs)
      }),
    ])
    const stderr = captured.stderr()
    const stdout = captured.stdout()
    const changed = c.outputs.filter((path, i) => snapshot(path) !== before[i])
    if (code === 'hung') outcome = { kind: 'crashed', detail: `did not exit within ${timeoutMs} ms` }
    else if (code === 0)
      outcome = { kind: 'accepted', detail: `exit 0: ${stdout.replace(/\s+/g, ' ').slice(0, 80)}` }
    else if (hasStackTrace(stderr) || hasStackTrace(stdout))
      outcome = { kind: 'crashed', detail: `exit ${code} with a stack trace: ${firstLine(stderr)}` }
    else if (/unexpected error/.test(stderr))
      outcome = { kind: 'crashed', detail: `exit ${code}, untyped error: ${firstLine(stderr)}` }
    else if (stderr.trim().length === 0)
      outcome = { kind: 'crashed', detail: `exit ${code} with nothing on stderr` }
    else if (changed.length > 0)
      outcome = { kind: 'crashed', detail: `exit ${code} but wrote ${changed.join(', ')} (partial write)` }
    else outcome = { kind: 'refused', detail: `exit ${code}: ${firstLine(stderr)}` }
  } catch (error) {
    outcome = {
      kind: 'crashed',
      detail: `runCommand threw ${(error as Error)?.constructor?.name}: ${String((error as Error)?.message).slice(0, 120)}`,
    }
  } finally {
    clearTimeout(timer)
  }
  const polluted = prototypePollution()
  if (polluted) outcome = { kind: 'crashed', detail: polluted }
  return { functionId: `cli:${commandName(command)}`, input: c.label, expectation: c.expectation, outcome }
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').slice(0, 140)
}
