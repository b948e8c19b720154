import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { createInterface } from 'node:readline'
import { CalderaError } from '@caldera/core'
import type { AmlTransaction } from '../aml/types.js'
import { ComplianceError, TransactionFileError } from '../errors/compliance.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { amlSimRowParser, parseTransferLine } from './parseTransactionLine.js'

/** What reading a transaction file yields: a transaction, or the error of one bad row. */
export type TransactionFileItem =
  | { tx: AmlTransaction; error?: undefined }
  | { tx?: undefined; error: TransactionFileError }

/**
 * Streams a transaction file line by line: AMLSim's `transactions.csv` (detected by its header)
 * or a JSONL of chain transfers. A bad row yields an error naming its line and column and the
 * reading goes on with the next row.
 *
 * @example
 * import { readTransactionFile } from '@caldera/compliance'
 * for await (const item of readTransactionFile({ path: 'transactions.csv' }))
 *   if (item.error) console.error(item.error.message)
 *   else monitor.ingest(item.tx)
 */
export async function* readTransactionFile(parameters: {
  path: string
}): AsyncGenerator<TransactionFileItem> {
  check(inputSchemas.transactionFile, parameters, 'readTransactionFile parameters')
  const file = basename(parameters.path)
  const lines = createInterface({
    input: createReadStream(parameters.path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  let lineNumber = 0
  let parseRow: ((line: string, lineNumber: number) => AmlTransaction) | undefined
  try {
    for await (const raw of lines) {
      lineNumber++
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw
      if (line.trim() === '') continue
      if (parseRow === undefined) {
        if (line.trimStart().startsWith('{')) parseRow = (l, n) => parseTransferLine(l, n, file)
        else {
          parseRow = amlSimRowParser(line, file)
          continue
        }
      }
      try {
        yield { tx: parseRow(line, lineNumber) }
      } catch (error) {
        if (!(error instanceof TransactionFileError)) throw error
        yield { error }
      }
    }
  } catch (error) {
    if (error instanceof CalderaError) throw error
    throw new ComplianceError(`Cannot read ${parameters.path}.`, {
      cause: error,
      hint: 'Pass the path of a readable transactions.csv or .jsonl file.',
    })
  }
}
