import { expect, it } from 'vitest'
import { percentile, summarize } from './percentile.js'

it('interpolates percentiles', () => {
  const values = Array.from({ length: 101 }, (_, i) => i)
  expect(percentile(values, 50)).toBe(50)
  expect(percentile(values, 99)).toBe(99)
  expect(percentile([10, 20], 50)).toBe(15)
  expect(summarize([3, 1, 2])).toMatchObject({ n: 3, min: 1, max: 3, p50: 2, mean: 2 })
})
