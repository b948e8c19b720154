import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { convert, createRateSource } from './fx.js'
import { instructionsToPacs009 } from './instructionsToPacs009.js'
import { formatIsoAmount, toPacs008, toPacs009 } from './iso20022.js'
import { netObligations, type Obligation } from './netting.js'

const repoRoot = join(import.meta.dirname, '../../../..')
const xsdDir = join(repoRoot, '../shared/conformance/iso20022')
const dir = mkdtempSync(join(tmpdir(), 'pacs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
function xmllint(
  xml: string,
  schema: 'pacs.008.001.09' | 'pacs.009.001.09',
): { ok: boolean; output: string } {
  const file = join(dir, `m${++files}.xml`)
  writeFileSync(file, xml)
  try {
    const output = execFileSync('xmllint', ['--noout', '--schema', join(xsdDir, `${schema}.xsd`), file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { ok: true, output }
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr) }
  }
}

describe('FX', () => {
  const rates = createRateSource({
    rates: [
      { base: 'EUR', quote: 'USD', rate: '1.0850' },
      { base: 'USD', quote: 'JPY', rate: '151.20' },
    ],
  })
  it('converts exactly: direct, inverse and crossed through USD', () => {
    const eur = { amount: 100_00n, decimals: 2, currency: 'EUR' }
    expect(convert({ rates, from: eur, to: { currency: 'USD', decimals: 2 } })).toEqual({
      amount: 108_50n,
      decimals: 2,
      currency: 'USD',
    })
    expect(convert({ rates, from: eur, to: { currency: 'JPY', decimals: 0 } }).amount).toBe(16_405n) // 164.052 × 100
    expect(
      convert({
        rates,
        from: { amount: 108_50n, decimals: 2, currency: 'USD' },
        to: { currency: 'EUR', decimals: 2 },
      }).amount,
    ).toBe(100_00n)
    expect(
      convert({
        rates,
        from: { amount: 1n, decimals: 2, currency: 'USD' },
        to: { currency: 'EUR', decimals: 2 },
      }).amount,
    ).toBe(0n)
    expect(
      convert({
        rates,
        from: { amount: 1n, decimals: 2, currency: 'USD' },
        to: { currency: 'EUR', decimals: 2 },
        rounding: 'half-even',
      }).amount,
    ).toBe(1n)
    expect(
      convert({
        rates,
        from: { amount: 10n ** 30n, decimals: 18, currency: 'USD' },
        to: { currency: 'JPY', decimals: 0 },
      }).amount,
    ).toBe(151_200_000_000_000n)
  })
  it('fails on a missing rate and rejects float-looking input', () => {
    expect(() => rates.rate('GBP', 'CHF')).toThrow('No FX rate for GBP/CHF.')
    expect(() => createRateSource({ rates: [{ base: 'EUR', quote: 'USD', rate: '1e3' }] })).toThrow(
      /rates\[0\]\.rate/,
    )
  })
  it('never gains value on a round trip (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (amount, r) => {
          const src = createRateSource({
            rates: [{ base: 'AAA', quote: 'BBB', rate: (r / 10_000).toFixed(4) }],
          })
          const there = convert({
            rates: src,
            from: { amount, decimals: 6, currency: 'AAA' },
            to: { currency: 'BBB', decimals: 6 },
          })
          const back = convert({ rates: src, from: there, to: { currency: 'AAA', decimals: 6 } })
          return back.amount <= amount
        },
      ),
    )
  })
})

describe('multilateral netting', () => {
  it('nets a ring to nothing and a bilateral pair to one instruction', () => {
    const ring = netObligations({
      obligations: [
        { from: 'A', to: 'B', currency: 'USD', amount: 100n },
        { from: 'B', to: 'C', currency: 'USD', amount: 100n },
        { from: 'C', to: 'A', currency: 'USD', amount: 100n },
      ],
    })
    expect(ring.instructions).toEqual([])
    expect(ring.fundingReduction).toBe(1)
    const pair = netObligations({
      obligations: [
        { from: 'A', to: 'B', currency: 'USD', amount: 100n },
        { from: 'B', to: 'A', currency: 'USD', amount: 70n },
        { from: 'A', to: 'B', currency: 'EUR', amount: 5n },
      ],
    })
    expect(pair.instructions).toEqual([
      { from: 'A', to: 'B', currency: 'USD', amount: 30n },
      { from: 'A', to: 'B', currency: 'EUR', amount: 5n },
    ])
    expect(pair.currencies.USD).toEqual({ obligations: 2, gross: 170n, net: 30n, instructions: 1 })
  })
  it('rejects a bad obligation naming its index', () => {
    expect(() =>
      netObligations({ obligations: [{ from: 'A', to: 'B', currency: 'USD', amount: 0n }] }),
    ).toThrow(/obligations\[0\]\.amount/)
    expect(() =>
      netObligations({ obligations: [{ from: 'A', to: 'B', currency: 'usd', amount: 1n }] }),
    ).toThrow(/obligations\[0\]\.currency/)
  })
  it('preserves every net position, moves the minimum value and needs at most n−1 instructions (property)', () => {
    const obligation = fc.record({
      from: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
      to: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
      amount: fc.bigInt({ min: 1n, max: 1_000_000n }),
    })
    fc.assert(
      fc.property(fc.array(obligation, { maxLength: 60 }), (raw) => {
        const obligations: Obligation[] = raw.filter((o) => o.from !== o.to)
        const result = netObligations({ obligations })
        const expected = new Map<string, bigint>()
        for (const o of obligations) {
          expected.set(`${o.currency}:${o.from}`, (expected.get(`${o.currency}:${o.from}`) ?? 0n) - o.amount)
          expected.set(`${o.currency}:${o.to}`, (expected.get(`${o.currency}:${o.to}`) ?? 0n) + o.amount)
        }
        const settled = new Map<string, bigint>()
        for (const i of result.instructions) {
          expect(i.amount > 0n).toBe(true)
          settled.set(`${i.currency}:${i.from}`, (settled.get(`${i.currency}:${i.from}`) ?? 0n) - i.amount)
          settled.set(`${i.currency}:${i.to}`, (settled.get(`${i.currency}:${i.to}`) ?? 0n) + i.amount)
        }
        for (const [key, value] of expected) expect(settled.get(key) ?? 0n).toBe(value)
        for (const [currency, s] of Object.entries(result.currencies)) {
          const moved = result.instructions
            .filter((i) => i.currency === currency)
            .reduce((a, i) => a + i.amount, 0n)
          expect(moved).toBe(s.net)
          const nonZero = Object.keys(result.positions[currency]!).length
          expect(s.instructions).toBeLessThanOrEqual(Math.max(0, nonZero - 1))
          expect(s.net <= s.gross).toBe(true)
        }
        expect(result.fundingReduction).toBeGreaterThanOrEqual(0)
        expect(result.fundingReduction).toBeLessThanOrEqual(1)
      }),
      { numRuns: 200 },
    )
  })
})

describe('ISO 20022', () => {
  const base = {
    messageId: 'MSG-20261125-0001',
    createdAt: new Date('2026-11-25T10:00:00Z'),
    settlementMethod: 'CLRG' as const,
    settlementDate: '2026-11-25',
  }
  it('pacs.008 carries the mandatory fields and validates against the official XSD', () => {
    const xml = toPacs008({
      ...base,
      instructingAgent: { bic: 'DEUTDEFF' },
      transactions: [
        {
          endToEndId: 'E2E-1',
          instructionId: 'INSTR-1',
          uetr: 'eb6305c9-1f7f-49de-aed0-16487c27b42d',
          amount: 1_234_56n,
          currency: 'EUR',
          debtor: { name: 'Ada Lovelace & Co <Ltd>', account: 'DE89370400440532013000' },
          debtorAgent: { bic: 'DEUTDEFF', lei: '5493001KJTIIGC8Y1R12' },
          creditorAgent: { bic: 'BNPAFRPPXXX' },
          creditor: { name: 'Example SA', accountId: 'ACC-0001234567' },
        },
        {
          endToEndId: 'E2E-2',
          amount: 99n,
          currency: 'EUR',
          chargeBearer: 'SHAR',
          debtor: { name: 'B' },
          debtorAgent: { name: 'Caldera Bank' },
          creditorAgent: { bic: 'BNPAFRPP' },
          creditor: { name: 'C' },
        },
      ],
    })
    expect(xml).toContain('<MsgId>MSG-20261125-0001</MsgId>')
    expect(xml).toContain('<CreDtTm>2026-11-25T10:00:00Z</CreDtTm>')
    expect(xml).toContain('<SttlmMtd>CLRG</SttlmMtd>')
    expect(xml).toContain('<UETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</UETR>')
    expect(xml).toContain('<IntrBkSttlmAmt Ccy="EUR">1234.56</IntrBkSttlmAmt>')
    expect(xml).toContain('<TtlIntrBkSttlmAmt Ccy="EUR">1235.55</TtlIntrBkSttlmAmt>')
    expect(xml).toContain('Ada Lovelace &amp; Co &lt;Ltd&gt;')
    expect(xml).toMatch(/<EndToEndId>E2E-2<\/EndToEndId><UETR>[a-f0-9]{8}-[a-f0-9]{4}-4/)
    expect(xmllint(xml, 'pacs.008.001.09')).toMatchObject({ ok: true })
  })
  it('the schema check catches a message missing a mandatory element', () => {
    const xml = toPacs008({
      ...base,
      transactions: [
        {
          endToEndId: 'E',
          amount: 1n,
          currency: 'USD',
          debtor: { name: 'A' },
          debtorAgent: { bic: 'CHASUS33' },
          creditorAgent: { bic: 'DEUTDEFF' },
          creditor: { name: 'B' },
        },
      ],
    })
    const broken = xml.replace(/<ChrgBr>SLEV<\/ChrgBr>\n/, '')
    const result = xmllint(broken, 'pacs.008.001.09')
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/ChrgBr|Dbtr/)
  })
  it('rejects bad fields before writing XML', () => {
    expect(() =>
      toPacs008({
        ...base,
        transactions: [
          {
            endToEndId: 'x'.repeat(36),
            amount: 1n,
            currency: 'EURO',
            debtor: { name: 'A' },
            debtorAgent: { bic: 'nope' },
            creditorAgent: { bic: 'DEUTDEFF' },
            creditor: { name: 'B' },
          },
        ],
      }),
    ).toThrow(/3 problems/)
    expect(formatIsoAmount(1_500_000_000_000_000_000n, 18)).toBe('1.50000')
    expect(() => formatIsoAmount(1n, 18)).toThrow(/more than 5/)
    expect(formatIsoAmount(5n, 0)).toBe('5')
    expect(formatIsoAmount(5n, 2)).toBe('0.05')
  })
  it('pacs.009 legs from a netting run validate against the official XSD', () => {
    const { instructions } = netObligations({
      obligations: [
        { from: 'A', to: 'B', currency: 'USD', amount: 500_00n },
        { from: 'B', to: 'C', currency: 'USD', amount: 200_00n },
        { from: 'C', to: 'A', currency: 'EUR', amount: 75_25n },
      ],
    })
    const messages = instructionsToPacs009({
      instructions,
      agents: {
        A: { bic: 'CHASUS33' },
        B: { bic: 'DEUTDEFF', name: 'Deutsche Bank' },
        C: { lei: '5493001KJTIIGC8Y1R12' },
      },
      messageIdPrefix: 'NET-20261125',
      createdAt: new Date('2026-11-25T12:00:00Z'),
      settlementMethod: 'INDA',
    })
    expect(Object.keys(messages)).toEqual(['USD', 'EUR'])
    expect(messages.USD).toContain('<NbOfTxs>2</NbOfTxs>')
    for (const xml of Object.values(messages))
      expect(xmllint(xml, 'pacs.009.001.09')).toMatchObject({ ok: true })
    expect(
      xmllint(
        toPacs009({
          ...base,
          transactions: [
            {
              endToEndId: 'L',
              amount: 1n,
              currency: 'JPY',
              decimals: 0,
              debtor: { bic: 'BOTKJPJT' },
              creditor: { name: 'X' },
            },
          ],
        }),
        'pacs.009.001.09',
      ),
    ).toMatchObject({ ok: true })
    expect(() =>
      instructionsToPacs009({ instructions, agents: {}, messageIdPrefix: 'N', createdAt: new Date() }),
    ).toThrow(/No agent/)
  })
})
