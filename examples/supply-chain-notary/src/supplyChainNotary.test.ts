import { expect, it } from 'vitest'
import { shipments } from './shipments.js'
import { runSupplyChainNotary } from './supplyChainNotary.js'

it('notarizes encrypted shipments, lets the buyer verify 2–8 °C on chain and the auditor decrypt', async () => {
  const lines: string[] = []
  const result = await runSupplyChainNotary((line) => lines.push(line))

  expect(result.deployment.contracts).toBe(13)
  expect(result.notarized).toMatchObject({ records: 3, onChain: true })
  expect(result.buyerChecks.map((c) => [c.shipment, c.field, c.verifiedOnChain])).toEqual([
    ['SHP-2041', 'lowestTemperature', true],
    ['SHP-2041', 'peakTemperature', true],
    ['SHP-2042', 'lowestTemperature', true],
    ['SHP-2042', 'peakTemperature', true],
  ])
  // A Groth16 pairing check really ran on chain (a plain notary call costs far less).
  for (const check of result.buyerChecks) expect(check.gasUsed).toBeGreaterThan(150_000n)
  expect(result.refused.map((r) => r.shipment)).toEqual(['SHP-2043'])
  expect(result.replayRejected).toBe(true)
  expect(result.auditor.map((a) => a.readings)).toEqual(shipments.map((s) => s.readings.join(' ')))
  // The buyer's log never shows a reading: only the auditor's lines carry them.
  for (const line of lines.filter((l) => !l.startsWith('Auditor'))) expect(line).not.toMatch(/\b\d\.\d °C/)
  expect(result.proved).toHaveLength(6)
}, 240_000)
