import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createAuditLog, verifyAuditLog } from './auditLog.js'
import { createAmlMonitor, replayAml } from './createAmlMonitor.js'
import type { AmlTransaction } from './types.js'

const T0 = 1_750_000_000
const fanOut: AmlTransaction[] = [1, 2, 3, 4, 5].map((i) => ({
  id: `f${i}`,
  from: 'hub',
  to: `t${i}`,
  usd: 5_000_000_000n,
  timestamp: T0 + i,
}))

describe('audit log', () => {
  it('records config, alerts and checkpoints in a chain that verifies', () => {
    const monitor = createAmlMonitor({ config: { auditCheckpointEvery: 2 } })
    for (const t of fanOut) monitor.ingest(t)
    monitor.close()
    const entries = monitor.audit.entries()
    expect(entries.map((e) => e.kind)).toEqual(['config', 'checkpoint', 'checkpoint', 'alert', 'checkpoint'])
    expect(verifyAuditLog({ entries, expectedHead: monitor.audit.head() })).toMatchObject({ ok: true })
  })
  it('detects an altered, removed, reordered or truncated entry', () => {
    const monitor = createAmlMonitor()
    for (const t of fanOut) monitor.ingest(t)
    monitor.close()
    const entries = JSON.parse(JSON.stringify(monitor.audit.entries()))
    const altered = structuredClone(entries)
    altered[1].data.evidence[0] = 'forged'
    const result = verifyAuditLog({ entries: altered })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.shortMessage).toBe(
        'Audit log broken at entry 1: entry content does not match its hash.',
      )
    expect(verifyAuditLog({ entries: entries.filter((_: unknown, i: number) => i !== 1) }).ok).toBe(false)
    expect(verifyAuditLog({ entries: [entries[1], entries[0], ...entries.slice(2)] }).ok).toBe(false)
    const truncated = verifyAuditLog({ entries: entries.slice(0, -1), expectedHead: monitor.audit.head() })
    expect(truncated.ok).toBe(false)
    if (!truncated.ok) expect(truncated.error.shortMessage).toMatch(/truncated/)
  })
  it('verifies whatever is appended (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.nat(), fc.jsonValue())), fc.nat(), (items, pick) => {
        const log = createAuditLog()
        for (const [kind, at, data] of items) log.append(kind, at, data)
        const entries = JSON.parse(JSON.stringify(log.entries()))
        if (!verifyAuditLog({ entries, expectedHead: log.head() }).ok) return false
        if (entries.length === 0) return true
        const i = pick % entries.length
        entries[i].at += 1
        return !verifyAuditLog({ entries }).ok
      }),
      { numRuns: 100 },
    )
  })
})

describe('deterministic replay', () => {
  it('gives the same alerts and audit head for the same input (property)', () => {
    const txArb = fc.array(
      fc.record({
        from: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
        to: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
        usd: fc.bigInt({ min: 0n, max: 20_000_000_000n }),
        dt: fc.nat({ max: 7_200 }),
      }),
      { maxLength: 200 },
    )
    fc.assert(
      fc.property(txArb, (rows) => {
        let t = T0
        const transactions = rows.map((r) => {
          t += r.dt
          return { from: r.from, to: r.to, usd: r.usd, timestamp: t }
        })
        const a = replayAml({ transactions })
        const b = replayAml({ transactions })
        expect(b).toEqual(a)
      }),
      { numRuns: 50 },
    )
  })
})
