import { describe, expect, it } from 'vitest'
import { CalderaError } from '../errors/base.js'
import { captureIO as capture } from './captureIO.js'
import { defineCommand } from './defineCommand.js'
import { runCommand } from './runCommand.js'

const greet = defineCommand({
  path: ['greet'],
  summary: 'Greets someone.',
  usage: 'caldera greet <name> [--loud] [--times <n>]',
  options: {
    loud: { type: 'boolean', description: 'Shout.' },
    times: { type: 'string', description: 'How many times.', valueName: '<n>', default: '1' },
  },
  positionals: [{ name: 'name', required: true, description: 'Who to greet.' }],
  async run({ values, positionals, io }) {
    const times = Number(values.times)
    if (!Number.isInteger(times) || times < 1)
      throw new CalderaError(`--times must be a positive integer, got ${JSON.stringify(values.times)}.`, {
        hint: 'Pass --times 1 or more.',
      })
    const text = `hello ${positionals[0]}`
    for (let i = 0; i < times; i++) io.stdout(`${values.loud ? text.toUpperCase() : text}\n`)
    return 0
  },
})

describe('runCommand', () => {
  it('runs with typed options', async () => {
    const { io, out } = capture()
    expect(await runCommand(greet, ['ada', '--loud', '--times', '2'], io)).toBe(0)
    expect(out.join('')).toBe('HELLO ADA\nHELLO ADA\n')
  })

  it('prints help', async () => {
    const { io, out } = capture()
    expect(await runCommand(greet, ['--help'], io)).toBe(0)
    expect(out.join('')).toMatchInlineSnapshot(`
      "Greets someone.

      Usage: caldera greet <name> [--loud] [--times <n>]

      Arguments:
        <name>  Who to greet.

      Options:
        --loud       Shout.
        --times <n>  How many times. (default: 1)
        -h, --help   Shows this help.

      Exit codes: 0 success, 1 failure, 2 usage error.
      "
    `)
  })

  it('rejects unknown flags, missing and extra arguments with exit 2', async () => {
    const c1 = capture()
    expect(await runCommand(greet, ['ada', '--lod'], c1.io)).toBe(2)
    expect(c1.err.join('')).toMatch(/caldera greet: Unknown option '--lod'/)
    const c2 = capture()
    expect(await runCommand(greet, [], c2.io)).toBe(2)
    expect(c2.err.join('')).toMatch(/missing <name>/)
    const c3 = capture()
    expect(await runCommand(greet, ['a', 'b'], c3.io)).toBe(2)
    expect(c3.err.join('')).toMatch(/unexpected argument "b"/)
  })

  it('prints a CalderaError without a stack and exits 1', async () => {
    const { io, err } = capture()
    expect(await runCommand(greet, ['ada', '--times', 'x'], io)).toBe(1)
    expect(err.join('')).toBe(
      'caldera greet: --times must be a positive integer, got "x".\n\nWhat to do: Pass --times 1 or more.\n',
    )
  })
})
