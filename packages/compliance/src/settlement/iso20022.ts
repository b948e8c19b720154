import { parse } from '@caldera/core'
import { z } from 'zod'
import { ComplianceError } from '../errors/compliance.js'
import { check, inputSchemas } from '../internal/inputs.js'

const max35 = z.string().min(1).max(35)
const max140 = z.string().min(1).max(140)
const bic = z
  .string()
  .regex(/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { message: 'a BIC (8 or 11 characters)' })
const lei = z.string().regex(/^[A-Z0-9]{18}[0-9]{2}$/, { message: 'a 20-character LEI' })
const uetr = z.string().regex(/^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$/, {
  message: 'a lower-case UUID v4',
})
const iso4217 = z.string().regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 currency code, e.g. "EUR"' })

/** A financial institution: BIC and/or LEI and/or name (at least one). */
export const agentSchema = z
  .object({ bic: bic.optional(), lei: lei.optional(), name: max140.optional() })
  .refine((a) => a.bic !== undefined || a.lei !== undefined || a.name !== undefined, {
    message: 'an agent with a bic, lei or name',
  })
export type Agent = z.input<typeof agentSchema>

/** A customer party: name and optional account (IBAN or other id). */
export const partySchema = z.object({
  name: max140,
  account: z
    .string()
    .regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/)
    .optional()
    .describe('IBAN'),
  accountId: z.string().min(1).max(34).optional(),
})
export type Party = z.input<typeof partySchema>

const amountFields = {
  /** Amount in base units of the currency (`decimals` places). */
  amount: z.bigint().positive(),
  currency: iso4217,
  /** Decimals of `amount` (USD/EUR 2, JPY 0). At most 5 survive in ISO 20022. */
  decimals: z.number().int().min(0).max(18).default(2),
}

const groupHeader = {
  messageId: max35,
  createdAt: z
    .union([z.date(), z.iso.datetime({ offset: true })])
    .transform((d) => (typeof d === 'string' ? new Date(d) : d)),
  settlementMethod: z.enum(['INDA', 'INGA', 'COVE', 'CLRG']),
  /** Interbank settlement date (YYYY-MM-DD). */
  settlementDate: z.iso.date().optional(),
  instructingAgent: agentSchema.optional(),
  instructedAgent: agentSchema.optional(),
}

const paymentIds = {
  endToEndId: max35,
  instructionId: max35.optional(),
  transactionId: max35.optional(),
  /** Unique end-to-end transaction reference (UUID v4); generated when omitted. */
  uetr: uetr.optional(),
}

export const pacs008Schema = z.object({
  ...groupHeader,
  transactions: z
    .array(
      z.object({
        ...paymentIds,
        ...amountFields,
        chargeBearer: z.enum(['DEBT', 'CRED', 'SHAR', 'SLEV']).default('SLEV'),
        debtor: partySchema,
        debtorAgent: agentSchema,
        creditorAgent: agentSchema,
        creditor: partySchema,
      }),
    )
    .min(1),
})
export type Pacs008Parameters = z.input<typeof pacs008Schema>

export const pacs009Schema = z.object({
  ...groupHeader,
  transactions: z
    .array(
      z.object({
        ...paymentIds,
        ...amountFields,
        /** The institution whose account is debited. */
        debtor: agentSchema,
        /** The institution credited. */
        creditor: agentSchema,
        debtorAgent: agentSchema.optional(),
        creditorAgent: agentSchema.optional(),
      }),
    )
    .min(1),
})
export type Pacs009Parameters = z.input<typeof pacs009Schema>

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * Formats base units as an ISO 20022 decimal (at most 5 fraction digits, 18 digits in all).
 *
 * @example
 * import { formatIsoAmount } from '@caldera/compliance'
 * formatIsoAmount(123456n, 2) // '1234.56'
 */
export function formatIsoAmount(amount: bigint, decimals: number): string {
  check(inputSchemas.isoAmount, [amount, decimals], 'ISO amount (amount, decimals)')
  let d = decimals
  let a = amount
  while (d > 5) {
    if (a % 10n !== 0n)
      throw new ComplianceError(
        `Amount ${amount} with ${decimals} decimals has more than 5 significant fraction digits.`,
        {
          hint: 'Round the amount to 5 decimals before exporting it to ISO 20022.',
        },
      )
    a /= 10n
    d--
  }
  const s = a.toString().padStart(d + 1, '0')
  const text = d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`
  if (a.toString().length > 18) throw new ComplianceError(`Amount ${text} has more than 18 digits.`)
  return text
}

function agentXml(tag: string, a: z.output<typeof agentSchema>, indent: string): string {
  const inner = [
    a.bic ? `<BICFI>${a.bic}</BICFI>` : '',
    a.lei ? `<LEI>${a.lei}</LEI>` : '',
    a.name ? `<Nm>${esc(a.name)}</Nm>` : '',
  ].join('')
  return `${indent}<${tag}><FinInstnId>${inner}</FinInstnId></${tag}>`
}

function partyXml(tag: string, p: z.output<typeof partySchema>, indent: string): string[] {
  const lines = [`${indent}<${tag}><Nm>${esc(p.name)}</Nm></${tag}>`]
  if (p.account) lines.push(`${indent}<${tag}Acct><Id><IBAN>${p.account}</IBAN></Id></${tag}Acct>`)
  else if (p.accountId)
    lines.push(`${indent}<${tag}Acct><Id><Othr><Id>${esc(p.accountId)}</Id></Othr></Id></${tag}Acct>`)
  return lines
}

function headerXml(
  h: z.output<typeof pacs008Schema> | z.output<typeof pacs009Schema>,
  total: Map<string, bigint>,
): string[] {
  const lines = [
    '    <GrpHdr>',
    `      <MsgId>${esc(h.messageId)}</MsgId>`,
    `      <CreDtTm>${h.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}</CreDtTm>`,
    `      <NbOfTxs>${h.transactions.length}</NbOfTxs>`,
  ]
  if (total.size === 1) {
    const [[ccy, sum]] = [...total] as [[string, bigint]]
    const decimals = h.transactions[0]!.decimals
    lines.push(`      <TtlIntrBkSttlmAmt Ccy="${ccy}">${formatIsoAmount(sum, decimals)}</TtlIntrBkSttlmAmt>`)
  }
  if (h.settlementDate) lines.push(`      <IntrBkSttlmDt>${h.settlementDate}</IntrBkSttlmDt>`)
  lines.push(`      <SttlmInf><SttlmMtd>${h.settlementMethod}</SttlmMtd></SttlmInf>`)
  if (h.instructingAgent) lines.push(agentXml('InstgAgt', h.instructingAgent, '      '))
  if (h.instructedAgent) lines.push(agentXml('InstdAgt', h.instructedAgent, '      '))
  lines.push('    </GrpHdr>')
  return lines
}

function totals(txs: readonly { currency: string; amount: bigint; decimals: number }[]): Map<string, bigint> {
  const map = new Map<string, bigint>()
  const decimals = new Set(txs.map((t) => t.decimals))
  for (const t of txs) map.set(t.currency, (map.get(t.currency) ?? 0n) + t.amount)
  return decimals.size === 1 ? map : new Map()
}

function pmtIdXml(t: {
  endToEndId: string
  instructionId?: string | undefined
  transactionId?: string | undefined
  uetr?: string | undefined
}): string {
  return [
    '      <PmtId>',
    t.instructionId ? `<InstrId>${esc(t.instructionId)}</InstrId>` : '',
    `<EndToEndId>${esc(t.endToEndId)}</EndToEndId>`,
    t.transactionId ? `<TxId>${esc(t.transactionId)}</TxId>` : '',
    `<UETR>${t.uetr ?? globalThis.crypto.randomUUID()}</UETR>`,
    '</PmtId>',
  ].join('')
}

/**
 * Builds an ISO 20022 pacs.008.001.09 FI-to-FI customer credit transfer: group header (message
 * id, creation time, number of transactions, total, settlement method) and per transaction the
 * payment ids (end-to-end id, UETR), interbank settlement amount with currency, charge bearer,
 * debtor, debtor agent, creditor agent and creditor. Valid against the official XSD.
 *
 * @example
 * import { toPacs008 } from '@caldera/compliance'
 * const xml = toPacs008({
 *   messageId: 'MSG-1', createdAt: new Date(), settlementMethod: 'CLRG',
 *   transactions: [{ endToEndId: 'E2E-1', amount: 1_000_00n, currency: 'EUR',
 *     debtor: { name: 'Ada Lovelace' }, debtorAgent: { bic: 'DEUTDEFF' },
 *     creditorAgent: { bic: 'BNPAFRPP' }, creditor: { name: 'Example SA' } }],
 * })
 */
export function toPacs008(parameters: Pacs008Parameters): string {
  const p = parse(pacs008Schema, parameters, 'pacs.008 message')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09">',
    '  <FIToFICstmrCdtTrf>',
    ...headerXml(p, totals(p.transactions)),
  ]
  for (const t of p.transactions) {
    lines.push(
      '    <CdtTrfTxInf>',
      pmtIdXml(t),
      `      <IntrBkSttlmAmt Ccy="${t.currency}">${formatIsoAmount(t.amount, t.decimals)}</IntrBkSttlmAmt>`,
      `      <ChrgBr>${t.chargeBearer}</ChrgBr>`,
      ...partyXml('Dbtr', t.debtor, '      '),
      agentXml('DbtrAgt', t.debtorAgent, '      '),
      agentXml('CdtrAgt', t.creditorAgent, '      '),
      ...partyXml('Cdtr', t.creditor, '      '),
      '    </CdtTrfTxInf>',
    )
  }
  lines.push('  </FIToFICstmrCdtTrf>', '</Document>', '')
  return lines.join('\n')
}

/**
 * Builds an ISO 20022 pacs.009.001.09 financial institution credit transfer, for bank-to-bank
 * legs such as the instructions of a netting run. Valid against the official XSD.
 *
 * @example
 * import { toPacs009 } from '@caldera/compliance'
 * const xml = toPacs009({
 *   messageId: 'NET-1', createdAt: new Date(), settlementMethod: 'INDA',
 *   transactions: [{ endToEndId: 'LEG-1', amount: 5_000_00n, currency: 'USD',
 *     debtor: { bic: 'CHASUS33' }, creditor: { bic: 'DEUTDEFF' } }],
 * })
 */
export function toPacs009(parameters: Pacs009Parameters): string {
  const p = parse(pacs009Schema, parameters, 'pacs.009 message')
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.09">',
    '  <FICdtTrf>',
    ...headerXml(p, totals(p.transactions)),
  ]
  for (const t of p.transactions) {
    lines.push(
      '    <CdtTrfTxInf>',
      pmtIdXml(t),
      `      <IntrBkSttlmAmt Ccy="${t.currency}">${formatIsoAmount(t.amount, t.decimals)}</IntrBkSttlmAmt>`,
      agentXml('Dbtr', t.debtor, '      '),
      ...(t.debtorAgent ? [agentXml('DbtrAgt', t.debtorAgent, '      ')] : []),
      ...(t.creditorAgent ? [agentXml('CdtrAgt', t.creditorAgent, '      ')] : []),
      agentXml('Cdtr', t.creditor, '      '),
      '    </CdtTrfTxInf>',
    )
  }
  lines.push('  </FICdtTrf>', '</Document>', '')
  return lines.join('\n')
}
