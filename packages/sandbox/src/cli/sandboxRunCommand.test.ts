import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureIO, runCommand } from '@caldera/core/cli'
import { expect, it } from 'vitest'
import { sandboxRunCommand } from './sandboxRunCommand.js'

const capture = () => captureIO({ cwd: tmpdir() })

it('rejects bad arguments with usage or a clear message', async () => {
  const a = capture()
  expect(await runCommand(sandboxRunCommand, ['--bogus'], a.io)).toBe(2)
  const b = capture()
  expect(await runCommand(sandboxRunCommand, ['--scenario', 'moon'], b.io)).toBe(1)
  expect(b.err.join('')).toContain('Unknown scenario "moon"')
  const c = capture()
  expect(
    await runCommand(sandboxRunCommand, ['--scenario', 'light', '--rpc', 'nope=http://127.0.0.1:1'], c.io),
  ).toBe(1)
  expect(c.err.join('')).toContain('--rpc names a domain the scenario does not have: nope')
  const d = capture()
  expect(await runCommand(sandboxRunCommand, ['--duration', 'abc'], d.io)).toBe(1)
})

it('runs the light scenario with live progress and writes the report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caldera-sandbox-cli-'))
  const { io, out } = capture()
  const code = await runCommand(
    sandboxRunCommand,
    ['--scenario', 'light', '--duration', '3', '--out', dir],
    io,
  )
  const text = out.join('')
  expect(text).toContain('Scenario light')
  expect(text).toMatch(/\[\s*\d+\.\d s\] light sent \d+ incl \d+/)
  expect(text).toContain(`report: ${join(dir, 'report.html')}`)
  expect(code).toBe(text.includes('light: PASSED') ? 0 : 1)
  expect(existsSync(join(dir, 'report.json'))).toBe(true)
}, 120_000)
