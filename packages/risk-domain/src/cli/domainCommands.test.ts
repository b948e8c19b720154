import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureIO, runCommand } from '@caldera/core/cli'
import { describe, expect, it } from 'vitest'
import { domainClassifyCommand, domainDefineCommand } from './domainCommands.js'

function capture() {
  const cwd = mkdtempSync(join(tmpdir(), 'risk-domain-cli-'))
  return { ...captureIO({ cwd }), cwd }
}

describe('caldera domain commands', () => {
  it('classifies a scenario file', async () => {
    const c = capture()
    writeFileSync(
      join(c.cwd, 'scenario.json'),
      JSON.stringify({
        valueAtRiskUsd: '500000000000',
        txPerDay: 100,
        typicalTxValueUsd: '20000000',
        sensitiveData: 'personal',
      }),
    )
    expect(await runCommand(domainClassifyCommand, ['scenario.json'], c.io)).toBe(0)
    const result = JSON.parse(c.out.join(''))
    expect(result.tier).toBe('enterprise')
    expect(result.reasons.map((r: { field: string }) => r.field)).toEqual(['valueAtRiskUsd', 'sensitiveData'])
  })

  it('defines a domain and refuses a weaker override unless opted in', async () => {
    const c = capture()
    writeFileSync(join(c.cwd, 'weak.json'), JSON.stringify({ minValidators: 10 }))
    const args = ['--name', 'payments', '--tier', 'financial', '--chain-id', '7']
    expect(await runCommand(domainDefineCommand, args, c.io)).toBe(0)
    expect(JSON.parse(c.out.join('')).profile.minValidators).toBe(300)
    expect(await runCommand(domainDefineCommand, [...args, '--overrides', 'weak.json'], c.io)).toBe(1)
    expect(c.err.join('')).toMatch(/minValidators: 10 given, the financial minimum is 300/)
    c.out.length = 0
    expect(
      await runCommand(
        domainDefineCommand,
        [...args, '--overrides', 'weak.json', '--allow-below-tier-minimum'],
        c.io,
      ),
    ).toBe(0)
    expect(JSON.parse(c.out.join('')).profile.minValidators).toBe(10)
    expect(await runCommand(domainDefineCommand, ['--tier', 'gold'], c.io)).toBe(1)
  })
})
