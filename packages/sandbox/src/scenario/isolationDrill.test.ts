import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseUsd } from '@caldera/core'
import { expect, it } from 'vitest'
import { renderInChromium } from '../../test/chromium.js'
import { scenarioPreset } from './presets.js'
import { runScenario } from './runScenario.js'

it('isolation drill: the breaker cuts the light domain off, nothing is lost or duplicated, the others keep going, the report renders', async () => {
  const out = mkdtempSync(join(tmpdir(), 'caldera-drill-'))
  const preset = scenarioPreset({ name: 'isolation-drill', durationS: 8, seed: 3 })
  const { report, paths } = await runScenario({
    ...preset,
    faults: [...(preset.faults ?? []), { kind: 'relayer-restart', atS: 5, downSeconds: 1 }],
    out,
  })

  // The breaker tripped on the light domain and isolated it on every chain.
  const timeline = report.breaker.timeline
  expect(timeline.find((e) => e.event === 'exploit')).toMatchObject({ domain: 'light' })
  expect(timeline.find((e) => e.event === 'trip')).toMatchObject({ domain: 'light' })
  const paused = timeline.filter((e) => e.event === 'lane-paused' && e.domain === 'light')
  expect(paused.map((e) => e.detail.split(':')[0]).sort()).toEqual(['enterprise', 'financial', 'light'])
  expect(report.breaker.tripLatencyMs).toBeGreaterThan(0)
  expect(Object.fromEntries(report.domains.map((d) => [d.name, d.system.status]))).toEqual({
    financial: 'open',
    enterprise: 'open',
    light: 'isolated',
  })

  // Nothing lost or duplicated; the exploit is held in escrow, not gone.
  expect(report.totals.valueLostUsd).toBe('0')
  expect(report.totals.messagesLost).toBe(0)
  expect(report.totals.messagesDuplicated).toBe(0)
  expect(report.totals.valueHeldUsd).toBe(String(parseUsd('1500000')))
  expect(report.totals.messagesSent).toBeGreaterThan(0)
  expect(report.totals.messagesDelivered).toBeGreaterThan(0)
  expect(report.faults.map((f) => f.kind).sort()).toEqual(['exploit', 'relayer-restart'])

  // The other domains kept going: every transaction they accepted was included.
  for (const d of report.domains) expect(d.load.included).toBe(d.load.accepted)
  expect(report.totals.amlAlerts).toBeGreaterThan(0)
  expect(report.components.filter((c) => c.status === 'ran').map((c) => c.name)).toEqual([
    'load generator',
    'deploy-lite',
    'risk-domain',
    'relayer',
    'breaker watcher',
    'AML monitor',
  ])

  // The report exists and renders in Chromium, breaker timeline included.
  expect(existsSync(paths!.json)).toBe(true)
  const page = await renderInChromium(paths!.html)
  expect(page.externalRequests).toEqual([])
  expect(page.chartsRendered).toBe(5)
  expect(page.visiblePaths.breaker).toBeGreaterThan(3)
  expect(page.passed).toBe(String(report.passed))
}, 170_000)
