import { compareTiers, parseUsd, ValidationError } from '@caldera/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyScenario } from './classifyScenario.js'
import { dataSensitivities, type ScenarioDescriptor } from './scenarioDescriptor.js'

const base = { valueAtRiskUsd: 0n, txPerDay: 10, typicalTxValueUsd: parseUsd('5') }

describe('classifyScenario', () => {
  it('classifies custody of funds as financial with the reasons', () => {
    const r = classifyScenario({
      valueAtRiskUsd: parseUsd('250000000'),
      custodyOfUserFunds: true,
      txPerDay: 20_000,
      typicalTxValueUsd: parseUsd('5000'),
    })
    expect(r.tier).toBe('financial')
    expect(r.reasons.map((x) => `${x.tier} ${x.field}: ${x.message}`)).toMatchInlineSnapshot(`
      [
        "financial custodyOfUserFunds: The domain holds user funds in custody.",
        "financial valueAtRiskUsd: $250000000 at risk (≥ $10000000).",
        "financial txPerDay: $100000000 a day (≥ $50000000).",
        "enterprise typicalTxValueUsd: Typical transaction $5000 (≥ $1000).",
      ]
    `)
  })

  it('classifies sensitive personal data as enterprise and a small game as light', () => {
    expect(classifyScenario({ ...base, sensitiveData: 'personal' }).tier).toBe('enterprise')
    const light = classifyScenario(base)
    expect(light.tier).toBe('light')
    expect(light.reasons).toHaveLength(1)
  })

  it('rejects a bad descriptor naming the field', () => {
    expect(() => classifyScenario({ ...base, txPerDay: -1 })).toThrow(ValidationError)
    expect(() => classifyScenario({ ...base, typicalTxValueUsd: '1.5' as never })).toThrow(
      /typicalTxValueUsd/,
    )
  })

  const descriptor = fc.record({
    valueAtRiskUsd: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    custodyOfUserFunds: fc.boolean(),
    regulatedActivity: fc.boolean(),
    sensitiveData: fc.constantFrom(...dataSensitivities),
    txPerDay: fc.integer({ min: 0, max: 10_000_000 }),
    typicalTxValueUsd: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(descriptor, (d) => {
        expect(classifyScenario(d)).toEqual(classifyScenario({ ...d }))
      }),
    )
  })

  it('never lowers the tier when a risk factor rises', () => {
    const raise = fc.record({
      value: fc.bigInt({ min: 0n, max: 10n ** 14n }),
      custody: fc.boolean(),
      regulated: fc.boolean(),
      sensitivity: fc.integer({ min: 0, max: 2 }),
      tx: fc.integer({ min: 0, max: 1_000_000 }),
      typical: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    })
    fc.assert(
      fc.property(descriptor, raise, (d: ScenarioDescriptor, r) => {
        const riskier: ScenarioDescriptor = {
          valueAtRiskUsd: d.valueAtRiskUsd + r.value,
          custodyOfUserFunds: d.custodyOfUserFunds || r.custody,
          regulatedActivity: d.regulatedActivity || r.regulated,
          sensitiveData:
            dataSensitivities[Math.max(dataSensitivities.indexOf(d.sensitiveData), r.sensitivity)] ??
            'personal',
          txPerDay: d.txPerDay + r.tx,
          typicalTxValueUsd: d.typicalTxValueUsd + r.typical,
        }
        expect(compareTiers(classifyScenario(riskier).tier, classifyScenario(d).tier)).toBeGreaterThanOrEqual(
          0,
        )
      }),
    )
  })
})
