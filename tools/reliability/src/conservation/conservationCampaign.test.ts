import { describe, expect, it } from 'vitest'
import { conservationCampaign } from './conservationCampaign.js'

describe('value conservation campaign', () => {
  it('keeps value conserved and executes no message twice over seeded model runs on anvil', async () => {
    const lines: string[] = []
    const report = await conservationCampaign.run({ seed: 10, mode: 'test', log: (l) => lines.push(l) })
    expect(report.failures).toEqual([])
    expect(report.valueLost).toBe(0n)
    expect(report.messagesDuplicated).toBe(0)
    expect(report.steps).toBeGreaterThan(50)
    // The runs exercised holds, deliveries and refused replays, not only the happy path.
    const stats = lines.find((l) => /\bsent \d+/.test(l))
    expect(stats).toMatch(/held [1-9]/)
    expect(stats).toMatch(/delivered [1-9]/)
  }, 120_000)
})
