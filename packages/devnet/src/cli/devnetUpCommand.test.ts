import { captureIO as capture, runCommand } from '@caldera/core/cli'
import { describe, expect, it } from 'vitest'
import { devnetUpCommand } from './devnetUpCommand.js'

describe('caldera devnet up', () => {
  it('starts the chains, prints them and stops', async () => {
    const { io, out } = capture()
    const code = await runCommand(devnetUpCommand, ['--chains', 'a,b', '--json', '--exit-after', '0'], io)
    expect(code).toBe(0)
    const chains = JSON.parse(out[0]!) as { name: string; rpcUrl: string }[]
    expect(chains.map((c) => c.name)).toEqual(['a', 'b'])
    expect(chains[0]!.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(out.at(-1)).toBe('Stopped every chain.\n')
  })

  it('rejects a bad block time with exit 1 and a bad flag with exit 2', async () => {
    const c1 = capture()
    expect(await runCommand(devnetUpCommand, ['--block-time', 'soon'], c1.io)).toBe(1)
    expect(c1.err.join('')).toMatch(/--block-time must be a positive number of seconds, got "soon"/)
    const c2 = capture()
    expect(await runCommand(devnetUpCommand, ['--chain', 'x'], c2.io)).toBe(2)
  })
})
