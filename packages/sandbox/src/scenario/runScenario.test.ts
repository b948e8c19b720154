import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ValidationError } from '@caldera/core'
import { expect, it } from 'vitest'
import { renderInChromium } from '../../test/chromium.js'
import { runScenario } from './runScenario.js'

it('rejects a bad spec naming each field', async () => {
  const error = await runScenario({
    domains: [{ name: 'a', tier: 'light' }],
    faults: [{ kind: 'rpc-outage', domain: 'nope', atS: 1 }],
    durationS: -1,
  }).catch((e) => e)
  expect(error).toBeInstanceOf(ValidationError)
  expect(error.message).toContain('faults[0].domain')
  expect(error.message).toContain('durationS')
})

it('runs two domains under load through an RPC outage, a reorg and a base-fee spike, and writes a report that renders', async () => {
  const out = mkdtempSync(join(tmpdir(), 'caldera-sandbox-'))
  const lines: string[] = []
  const { report, paths } = await runScenario(
    {
      name: 'faults',
      seed: 5,
      durationS: 5,
      domains: [
        {
          name: 'records',
          tier: 'enterprise',
          load: {
            mix: [{ profile: 'enterprise', weight: 1, senders: 16 }],
            stages: [{ kind: 'steady', seconds: 5, rate: 120 }],
          },
        },
        {
          name: 'games',
          tier: 'light',
          load: {
            mix: [
              { profile: 'light', weight: 3, senders: 300 },
              { profile: 'financial', weight: 1, senders: 8 },
            ],
            stages: [
              { kind: 'ramp', seconds: 2, from: 20, to: 100 },
              { kind: 'spike', seconds: 1, rate: 300 },
              { kind: 'steady', seconds: 2, rate: 60 },
            ],
          },
        },
      ],
      faults: [
        { kind: 'rpc-outage', domain: 'records', atS: 1.5, seconds: 1 },
        { kind: 'reorg', domain: 'games', atS: 3, depth: 1 },
        { kind: 'base-fee-spike', domain: 'games', atS: 1, gwei: 50 },
      ],
      slos: { maxLatencyP99Ms: 8_000, minEnterpriseWritesPerS: 100 },
      system: { enabled: false, crossDomainPerS: 0 },
      out,
    },
    { onProgress: (p) => lines.push(p.phase) },
  )
  expect(lines).toContain('load')
  expect(report.faults.map((f) => f.kind).sort()).toEqual(['base-fee-spike', 'reorg', 'rpc-outage'])
  const records = report.domains.find((d) => d.name === 'records')!.load
  const games = report.domains.find((d) => d.name === 'games')!.load
  expect(records.planned).toBe(600)
  expect(records.accepted).toBe(600)
  expect(records.included).toBe(600) // the outage delayed, it did not lose
  expect(records.latencyMs.max).toBeGreaterThanOrEqual(900) // sends waited out the frozen RPC
  expect(records.gasPerTx.notarize).toBeGreaterThan(40_000)
  expect(games.gasPerTx.play).toBeGreaterThan(21_000)
  expect(games.gasPerTx.transfer).toBeGreaterThan(21_000)
  expect(games.included).toBe(games.accepted)
  expect(games.reorgs).toBeGreaterThan(0)
  expect(report.slos.every((s) => s.pass)).toBe(report.passed)

  expect(existsSync(paths!.json)).toBe(true)
  expect(JSON.parse(readFileSync(paths!.json, 'utf8')).scenario).toBe('faults')
  const page = await renderInChromium(paths!.html)
  expect(page.externalRequests).toEqual([])
  expect(page.title).toBe('Caldera sandbox: faults')
  expect(page.chartsRendered).toBe(5)
  expect(page.visiblePaths.throughput).toBeGreaterThanOrEqual(4) // two domains × (included, submitted)
  expect(page.visiblePaths.latency).toBe(6) // two domains × p50/p90/p99
  expect(page.visiblePaths.cost).toBeGreaterThanOrEqual(3)
}, 120_000)
