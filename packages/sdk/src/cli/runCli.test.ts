import { describe, expect, it } from 'vitest'
import { commands } from './commands.js'
import { runCli } from './runCli.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: '.' },
    out,
    err,
  }
}

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
