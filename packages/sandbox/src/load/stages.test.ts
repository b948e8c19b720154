import fc from 'fast-check'
import { expect, it } from 'vitest'
import { planSendTimes, stagesDuration } from './stages.js'

it('plans a steady rate evenly', () => {
  expect(planSendTimes([{ kind: 'steady', seconds: 1, rate: 4 }])).toEqual([250, 500, 750, 1000])
  expect(
    stagesDuration([
      { kind: 'ramp', seconds: 2, from: 0, to: 10 },
      { kind: 'spike', seconds: 1, rate: 1 },
    ]),
  ).toBe(3)
})

it('plans as many transactions as the rate integrates to, in order, inside the stages', () => {
  const stage = fc.oneof(
    fc.record({
      kind: fc.constant('steady' as const),
      seconds: fc.integer({ min: 1, max: 5 }),
      rate: fc.integer({ min: 0, max: 500 }),
    }),
    fc.record({
      kind: fc.constant('spike' as const),
      seconds: fc.integer({ min: 1, max: 2 }),
      rate: fc.integer({ min: 0, max: 2_000 }),
    }),
    fc.record({
      kind: fc.constant('ramp' as const),
      seconds: fc.integer({ min: 1, max: 5 }),
      from: fc.integer({ min: 0, max: 500 }),
      to: fc.integer({ min: 0, max: 500 }),
    }),
  )
  fc.assert(
    fc.property(fc.array(stage, { minLength: 1, maxLength: 4 }), (stages) => {
      const times = planSendTimes(stages)
      const expected = stages.reduce(
        (s, st) => s + (st.kind === 'ramp' ? ((st.from + st.to) / 2) * st.seconds : st.rate * st.seconds),
        0,
      )
      expect(Math.abs(times.length - expected)).toBeLessThanOrEqual(1)
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!)
      expect(times.at(-1) ?? 0).toBeLessThanOrEqual(stagesDuration(stages) * 1000)
    }),
    { numRuns: 40 },
  )
})
