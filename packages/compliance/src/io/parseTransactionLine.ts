import { transferEventSchema } from '@caldera/core'
import type { AmlTransaction } from '../aml/types.js'
import { TransactionFileError } from '../errors/compliance.js'

/** Columns of AMLSim's `transactions.csv` the monitor reads (the label columns are ignored). */
export const amlSimColumns = ['tran_id', 'orig_acct', 'bene_acct', 'base_amt', 'tran_timestamp'] as const

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',')
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      out.push(field)
      field = ''
    } else field += c
  }
  out.push(field)
  return out
}

/** Parses a decimal dollar amount (`1234.56`) into micro-dollars, or undefined. */
export function parseDollars(text: string): bigint | undefined {
  const m = /^\s*(\d{1,30})(?:\.(\d{1,6})\d*)?\s*$/.exec(text)
  if (!m) return undefined
  return BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'))
}

/** Parses a timestamp: integer seconds, or an ISO 8601 date-time. */
export function parseTimestamp(text: string): number | undefined {
  const trimmed = text.trim()
  if (/^\d{1,12}$/.test(trimmed)) return Number(trimmed)
  if (!/^\d{4}-\d\d-\d\d/.test(trimmed)) return undefined
  const ms = Date.parse(trimmed)
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined
}

/** Builds the parser of rows of an AMLSim CSV from its header line. */
export function amlSimRowParser(
  header: string,
  file: string,
): (line: string, lineNumber: number) => AmlTransaction {
  const names = splitCsvLine(header).map((h) => h.trim())
  const index = Object.fromEntries(amlSimColumns.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof amlSimColumns)[number],
    number
  >
  const missing = amlSimColumns.filter((c) => index[c] < 0)
  if (missing.length > 0)
    throw new TransactionFileError({
      file,
      line: 1,
      column: missing.join(', '),
      problem: `missing from the header (expected AMLSim columns ${amlSimColumns.join(', ')})`,
    })
  return (line, lineNumber) => {
    const cells = splitCsvLine(line)
    const cell = (column: (typeof amlSimColumns)[number]) => {
      const value = cells[index[column]]
      if (value === undefined || value.trim() === '')
        throw new TransactionFileError({
          file,
          line: lineNumber,
          column: `${column} (${index[column] + 1})`,
          problem: 'is empty',
        })
      return value.trim()
    }
    const id = cell('tran_id')
    const from = cell('orig_acct')
    const to = cell('bene_acct')
    const usd = parseDollars(cell('base_amt'))
    if (usd === undefined)
      throw new TransactionFileError({
        file,
        line: lineNumber,
        column: `base_amt (${index.base_amt + 1})`,
        problem: `${JSON.stringify(cells[index.base_amt])} is not a non-negative decimal amount`,
      })
    const timestamp = parseTimestamp(cell('tran_timestamp'))
    if (timestamp === undefined)
      throw new TransactionFileError({
        file,
        line: lineNumber,
        column: `tran_timestamp (${index.tran_timestamp + 1})`,
        problem: `${JSON.stringify(cells[index.tran_timestamp])} is not seconds or an ISO 8601 time`,
      })
    return { id, from, to, usd, timestamp }
  }
}

/**
 * Parses one JSONL line of chain transfers (`@caldera/core`'s `transferEventSchema`: domain, from,
 * to, token, amount, usd, timestamp, id) into an AML transaction.
 */
export function parseTransferLine(line: string, lineNumber: number, file: string): AmlTransaction {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch (error) {
    throw new TransactionFileError({
      file,
      line: lineNumber,
      column: '(line)',
      problem: `not JSON: ${(error as Error).message}`,
    })
  }
  const result = transferEventSchema.safeParse(json)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new TransactionFileError({
      file,
      line: lineNumber,
      column: issue.path.join('.') || '(line)',
      problem: issue.message,
    })
  }
  const e = result.data
  return { id: e.id ?? `${file}:${lineNumber}`, from: e.from, to: e.to, usd: e.usd, timestamp: e.timestamp }
}
