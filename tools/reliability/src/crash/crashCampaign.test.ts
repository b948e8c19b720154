import { describe, expect, it } from 'vitest'
import { crashCampaign } from './crashCampaign.js'

describe('crash consistency campaign', () => {
  it('loses nothing, delivers nothing twice and keeps trips enforced across SIGKILLs of the relayer and watcher', async () => {
    const lines: string[] = []
    const report = await crashCampaign.run({ seed: 3, mode: 'test', log: (l) => lines.push(l) })
    expect(report.failures).toEqual([])
    expect(report.valueLost).toBe(0n)
    expect(report.messagesDuplicated).toBe(0)
    expect(report.steps).toBe(3)
    expect(report.kills).toBeGreaterThan(0)
    // Messages were delivered before the checks and drained from the journal after the reset.
    expect(lines.join('\n')).toMatch(/delivered [1-9]/)
  }, 150_000)
})
