import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '@caldera/core/cli'
import { afterAll, describe, expect, it } from 'vitest'
import { breakerReplayCommand } from './breakerReplayCommand.js'

const dir = mkdtempSync(join(tmpdir(), 'caldera-replay-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const from = '0x00000000000000000000000000000000000a11ce'
const to = '0x0000000000000000000000000000000000000b0b'
const line = (domain: string, usd: number, timestamp: number) =>
  JSON.stringify({
    domain,
    from,
    to,
    token: 'USDC',
    amount: String(usd * 1e6),
    usd: String(usd * 1e6),
    timestamp,
  })

function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: dir }
  return runCommand(breakerReplayCommand, argv, io).then((code) => ({ code, stdout, stderr }))
}

describe('caldera breaker replay', () => {
  it('prints every trip as JSON and exits 1 when there is one', async () => {
    writeFileSync(
      join(dir, 'events.jsonl'),
      [
        line('light', 500, 1000),
        line('light', 1_500_000, 1001),
        line('light', 10, 1002),
        '',
        line('financial', 900_000, 1003),
        line('financial', 800_000, 1004),
      ].join('\n'),
    )
    const { code, stdout, stderr } = await run(['events.jsonl'])
    expect(code).toBe(1)
    expect(stdout).toMatchInlineSnapshot(`
      "{"domain":"light","detector":"singleTransfer","index":1,"line":2,"reason":"transfer of 1,500,000 USD above the 1,000,000 USD threshold","timestamp":1001,"usd":"1500000000000"}
      "
    `)
    expect(stderr).toBe('5 events, 1 trips, 1 events held behind an open breaker\n')
  })

  it('applies a policy file', async () => {
    writeFileSync(
      join(dir, 'policy.json'),
      JSON.stringify({ tiers: { financial: { singleTransferUsd: 850000 } } }),
    )
    const { code, stdout } = await run(['events.jsonl', '--policy', 'policy.json'])
    expect(code).toBe(1)
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).domain),
    ).toEqual(['light', 'financial'])
  })

  it('exits 0 without trips and names a bad line', async () => {
    writeFileSync(join(dir, 'calm.jsonl'), `${line('light', 5, 1)}\n${line('light', 6, 2)}\n`)
    expect((await run(['calm.jsonl'])).code).toBe(0)
    writeFileSync(join(dir, 'bad.jsonl'), `${line('light', 5, 1)}\n{"domain":"light","from":"0x12"}\n`)
    const bad = await run(['bad.jsonl'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/bad\.jsonl:2: not a valid transfer event/)
    expect(bad.stderr).toMatch(/from/)
  })
})
