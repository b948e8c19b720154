import { expect, it } from 'vitest'
import { replayAml } from './createAmlMonitor.js'
import { buildCases, exportCases } from './exportCases.js'

const T0 = 1_750_000_000
const { alerts } = replayAml({
  transactions: [
    ...[1, 2, 3, 4, 5].map((i) => ({
      id: `f${i}`,
      from: 'hub',
      to: `t${i}`,
      usd: 5_000_000_000n,
      timestamp: T0 + i,
    })),
    { id: 'big, "quoted"', from: 'x', to: 'hub', usd: 50_000_000_000n, timestamp: T0 + 10 },
  ],
})

it('groups alerts into cases by account, highest risk first', () => {
  const cases = buildCases({ alerts })
  expect(cases[0]).toMatchObject({ caseId: 'CASE-000001', account: 'hub', riskScore: 30 })
  expect(cases[0]!.alerts.map((a) => a.ruleId)).toEqual(['fan-out', 'large-value'])
  expect(cases.map((c) => c.account)).toContain('t5')
})

it('exports JSON and CSV (quoted where needed)', () => {
  const json = JSON.parse(exportCases({ alerts, format: 'json' }))
  expect(json.cases).toHaveLength(buildCases({ alerts }).length)
  const csv = exportCases({ alerts, format: 'csv' }).trim().split('\n')
  expect(csv[0]).toBe(
    'case_id,account,risk_score,alert_id,rule_id,rule_version,timestamp,evidence_tx_ids,accounts,reason',
  )
  expect(csv[1]).toMatch(
    /^CASE-000001,hub,30,fan-out#1,fan-out,1\.0\.0,1750000005,f1;f2;f3;f4;f5,hub;t1;t2;t3;t4;t5,/,
  )
  expect(csv.some((line) => line.includes('"big, ""quoted"""'))).toBe(true)
})
