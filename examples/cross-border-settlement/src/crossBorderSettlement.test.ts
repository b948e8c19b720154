import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateIvms101Payload } from '@caldera/compliance'
import { expect, it } from 'vitest'
import { runCrossBorderSettlement } from './crossBorderSettlement.js'

// The official schema, kept next to the repository checkout (override with CALDERA_PACS008_XSD).
const xsd =
  process.env.CALDERA_PACS008_XSD ??
  fileURLToPath(new URL('../../../../shared/conformance/iso20022/pacs.008.001.09.xsd', import.meta.url))

it('screens, nets, exports a schema-valid pacs.008 and settles payment-versus-payment on chain', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'caldera-xborder-'))
  const lines: string[] = []
  const result = await runCrossBorderSettlement({ outDir, log: (line) => lines.push(line) })

  expect(result.blocked.map((b) => [b.id, b.rule])).toEqual([['PMT-005', 'sanctions']])
  expect(result.travelRule.map((t) => t.id)).toEqual(['PMT-001', 'PMT-002', 'PMT-006', 'PMT-007', 'PMT-008'])
  for (const { payload } of result.travelRule) expect(() => validateIvms101Payload(payload)).not.toThrow()
  expect(result.netting.instructions).toEqual([
    { from: 'BANK-EU', to: 'BANK-US', currency: 'USD', amount: 33_810_00n },
    { from: 'BANK-US', to: 'BANK-EU', currency: 'EUR', amount: 38_150_00n },
  ])
  expect(result.netting.fundingReduction).toBeGreaterThan(0.3)

  // The exported message is valid against the official ISO 20022 schema.
  const check = execFileSync('xmllint', ['--noout', '--schema', xsd, result.pacs008Path], {
    encoding: 'utf8',
    stdio: 'pipe',
  })
  expect(check).toBe('')
  const xml = readFileSync(result.pacs008Path, 'utf8')
  expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(9)
  expect(xml).not.toContain('PMT-005')

  // Both legs moved in one transaction.
  expect(result.settlement).toMatchObject({ settled: true, status: 'Settled' })
  expect(result.settlement.balances).toEqual({
    'BANK-EU': { EUR: 1_000_000_00n + 38_150_00n, USD: 1_000_000_00n - 33_810_00n },
    'BANK-US': { EUR: 1_000_000_00n - 38_150_00n, USD: 1_000_000_00n + 33_810_00n },
  })
  expect(result.proved).toHaveLength(5)
  expect(lines).toContain('Proved:')
}, 120_000)
