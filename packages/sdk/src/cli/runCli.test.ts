import { captureIO as capture } from '@caldera/core/cli'
import { describe, expect, it } from 'vitest'
import { commands } from './commands.js'
import { runCli } from './runCli.js'

describe('caldera', () => {
  it('lists every registered command in --help', async () => {
    const { io, out } = capture()
    expect(await runCli(commands, ['--help'], io)).toBe(0)
    for (const command of commands) expect(out.join('')).toContain(`caldera ${command.path.join(' ')}`)
  })

  it('shows a command group and rejects unknown commands with exit 2', async () => {
    const c1 = capture()
    expect(await runCli(commands, ['devnet', '--help'], c1.io)).toBe(0)
    expect(c1.out.join('')).toContain('caldera devnet up')
    const c2 = capture()
    expect(await runCli(commands, ['devnet', 'down'], c2.io)).toBe(2)
    expect(c2.err.join('')).toMatch(/unknown command "devnet down"[\s\S]*caldera devnet up/)
    const c3 = capture()
    expect(await runCli(commands, ['launch'], c3.io)).toBe(2)
    expect(c3.err.join('')).toMatch(/unknown command "launch"/)
  })

  it('passes the rest of the arguments to the command, which rejects bad flags', async () => {
    const { io, err } = capture()
    expect(await runCli(commands, ['devnet', 'up', '--nope'], io)).toBe(2)
    expect(err.join('')).toMatch(/Unknown option '--nope'/)
  })
})

describe.each(commands.map((c) => [c.path.join(' '), c] as const))('caldera %s', (name, command) => {
  it('prints its usage and options with --help and exits 0', async () => {
    const { io, out } = capture()
    expect(await runCli(commands, [...command.path, '--help'], io)).toBe(0)
    const text = out.join('')
    expect(text).toContain(`caldera ${name}`)
    for (const option of Object.keys(command.options ?? {})) expect(text).toContain(`--${option}`)
  })

  it('rejects an unknown flag with a clear message and exit 2', async () => {
    const { io, err, out } = capture()
    expect(await runCli(commands, [...command.path, '--no-such-flag'], io)).toBe(2)
    expect(err.join('')).toMatch(/Unknown option '--no-such-flag'/)
    expect(out.join('')).toBe('')
  })
})

it('registers the sandbox, deploy, aml, breaker, domain, zk and devnet commands', () => {
  expect(commands.map((c) => c.path.join(' '))).toMatchInlineSnapshot(`
    [
      "sandbox run",
      "deploy",
      "aml scan",
      "breaker replay",
      "domain classify",
      "domain define",
      "zk contribute",
      "zk verify",
      "devnet up",
    ]
  `)
})
