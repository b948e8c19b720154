import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '@caldera/core/cli'
import { afterAll, describe, expect, it } from 'vitest'
import { generateAmlData, toAmlSimCsv } from '../aml/generateAmlData.js'
import { amlScanCommand } from './amlScanCommand.js'

const dir = mkdtempSync(join(tmpdir(), 'aml-scan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function scan(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCommand(amlScanCommand, argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
  })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

const header = 'tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,is_sar,alert_id'

describe('caldera aml scan', () => {
  it('scans an AMLSim transactions.csv and writes alerts atomically', async () => {
    const data = generateAmlData({ seed: 3, accounts: 500, background: 2_000, patternsPerTypology: 2 })
    writeFileSync(join(dir, 'transactions.csv'), toAmlSimCsv(data))
    const { code, stdout } = await scan(['transactions.csv', '--out', 'out/alerts.json'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Scanned \d+ transactions: \d+ alerts written to out\/alerts\.json\.\n$/)
    const report = JSON.parse(readFileSync(join(dir, 'out/alerts.json'), 'utf8'))
    expect(report.transactions).toBe(data.transactions.length)
    expect(report.badRows).toBe(0)
    const rules = new Set(report.alerts.map((a: { ruleId: string }) => a.ruleId))
    for (const typology of ['fan-in', 'fan-out', 'cycle', 'stack', 'peel-chain'])
      expect(rules).toContain(typology)
    const sar = new Set(data.transactions.filter((t) => t.isSar).map((t) => t.id))
    expect(
      report.alerts
        .find((a: { ruleId: string }) => a.ruleId === 'cycle')
        .evidence.every((id: string) => sar.has(id)),
    ).toBe(true)
    expect(readdirSync(join(dir, 'out'))).toEqual(['alerts.json'])
  })

  it('reports a bad row with its line and column and still scans the rest', async () => {
    const rows = [
      header,
      '1,A,B,TRANSFER,5000.00,2024-01-01T00:00:00Z,False,-1',
      '2,A,C,TRANSFER,abc,2024-01-01T00:01:00Z,False,-1',
      '3,A,D,TRANSFER,5000.00,yesterday,False,-1',
      ...[4, 5, 6, 7].map((i) => `${i},A,X${i},TRANSFER,5000.00,2024-01-01T00:0${i}:00Z,False,-1`),
    ]
    writeFileSync(join(dir, 'bad.csv'), `${rows.join('\n')}\n`)
    const { code, stdout, stderr } = await scan(['bad.csv'])
    expect(code).toBe(1)
    expect(stderr).toBe(
      'bad.csv:3: column base_amt (5): "abc" is not a non-negative decimal amount\n' +
        'bad.csv:4: column tran_timestamp (6): "yesterday" is not seconds or an ISO 8601 time\n',
    )
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({ transactions: 5, badRows: 2 })
    expect(report.alerts.map((a: { ruleId: string }) => a.ruleId)).toEqual(['fan-out'])
    expect(report.alerts[0].accounts).toEqual(['A', 'B', 'X4', 'X5', 'X6', 'X7'])
  })

  it('reads JSONL chain transfers and screens sanctioned addresses', async () => {
    const line = (i: number, to: string) =>
      JSON.stringify({
        domain: 'financial',
        from: '0x00000000000000000000000000000000000000a1',
        to,
        token: 'USDC',
        amount: '1000',
        usd: '1000000000',
        timestamp: 1_740_000_000 + i,
        id: `0x${i}`,
      })
    writeFileSync(
      join(dir, 'transfers.jsonl'),
      [
        line(1, '0xA160cdAB225685dA1d56aa342Ad8841c3b53f291'),
        '{"from": 1}',
        line(2, '0x00000000000000000000000000000000000000b2'),
      ].join('\n'),
    )
    const { code, stdout, stderr } = await scan(['transfers.jsonl'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^transfers\.jsonl:2: column domain: /)
    const report = JSON.parse(stdout)
    expect(report.alerts.map((a: { ruleId: string; evidence: string[] }) => [a.ruleId, a.evidence])).toEqual([
      ['sanctions', ['0x1']],
    ])
  })

  it('applies a config file and rejects a bad one naming the field', async () => {
    writeFileSync(join(dir, 'one.csv'), `${header}\n1,A,B,TRANSFER,3000,1700000000,False,-1\n`)
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ monitor: { largeValue: { thresholdUsd: '2500000000' } } }),
    )
    const ok = await scan(['one.csv', '--config', 'config.json'])
    expect(JSON.parse(ok.stdout).alerts.map((a: { ruleId: string }) => a.ruleId)).toEqual(['large-value'])
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ monitor: { velocity: { maxCount: -1 } } }))
    const bad = await scan(['one.csv', '--config', 'bad.json'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/monitor\.velocity\.maxCount/)
  })

  it('fails cleanly on a missing file, an unknown flag, and a file without the AMLSim header', async () => {
    expect((await scan(['nope.csv'])).stderr).toMatch(/Cannot read nope\.csv/)
    expect((await scan(['one.csv', '--fast'])).code).toBe(2)
    writeFileSync(join(dir, 'other.csv'), 'a,b,c\n1,2,3\n')
    const other = await scan(['other.csv', '--out', 'never.json'])
    expect(other.code).toBe(1)
    expect(other.stderr).toMatch(
      /column tran_id, orig_acct, bene_acct, base_amt, tran_timestamp: missing from the header/,
    )
    expect(readdirSync(dir)).not.toContain('never.json')
  })
})
