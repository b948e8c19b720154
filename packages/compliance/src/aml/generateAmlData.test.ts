import { describe, expect, it } from 'vitest'
import { replayAml } from './createAmlMonitor.js'
import { evaluateAml } from './evaluateAml.js'
import { generateAmlData, plantedTypologies, toAmlSimCsv } from './generateAmlData.js'

const small = { seed: 11, accounts: 3_000, background: 20_000, patternsPerTypology: 10 }

describe('generateAmlData', () => {
  it('is deterministic for a seed and plants every typology', () => {
    const a = generateAmlData(small)
    const b = generateAmlData(small)
    expect(b).toEqual(a)
    expect(generateAmlData({ ...small, seed: 12 }).transactions[0]).not.toEqual(a.transactions[0])
    expect(new Set(a.patterns.map((p) => p.typology))).toEqual(new Set(plantedTypologies))
    expect(a.transactions.filter((t) => !t.isSar)).toHaveLength(20_000)
    for (const p of a.patterns) expect(p.transactions.length).toBeGreaterThanOrEqual(3)
    for (let i = 1; i < a.transactions.length; i++)
      expect(a.transactions[i]!.timestamp).toBeGreaterThanOrEqual(a.transactions[i - 1]!.timestamp)
  })
  it('writes AMLSim transactions.csv', () => {
    const csv = toAmlSimCsv(generateAmlData({ ...small, background: 10, patternsPerTypology: 1 })).split('\n')
    expect(csv[0]).toBe('tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,is_sar,alert_id')
    expect(csv[1]).toMatch(/^1,A\d+,A\d+,TRANSFER,\d+\.\d\d,\d{4}-\d\d-\d\dT[\d:.]+Z,(True|False),-?\d+$/)
  })
})

describe('evaluateAml', () => {
  it('meets the recall and precision targets for every typology on generated data', () => {
    const dataset = generateAmlData(small)
    const scores = evaluateAml({ dataset, alerts: replayAml({ transactions: dataset.transactions }).alerts })
    for (const [typology, s] of Object.entries(scores)) {
      expect.soft(s.recall, typology).toBeGreaterThanOrEqual(0.95)
      expect.soft(s.precision, typology).toBeGreaterThanOrEqual(0.9)
    }
  })
  it('scores zero recall without alerts and zero precision for alerts on background traffic', () => {
    const dataset = generateAmlData(small)
    const background = dataset.transactions.filter((t) => !t.isSar).slice(0, 5)
    const scores = evaluateAml({
      dataset,
      alerts: [
        {
          id: 'fan-in#1',
          ruleId: 'fan-in',
          ruleVersion: '1.0.0',
          timestamp: 0,
          parameters: {},
          evidence: background.map((t) => t.id),
          accounts: [],
          reason: '',
          riskScores: {},
        },
      ],
    })
    expect(scores['fan-in']).toMatchObject({ recall: 0, precision: 0, alerts: 1 })
    expect(scores.cycle).toMatchObject({ recall: 0, precision: 1, alerts: 0 })
  })
})
