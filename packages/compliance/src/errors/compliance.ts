import { CalderaError, type CalderaErrorOptions } from '@caldera/core'

/**
 * Base class of the errors thrown by `@caldera/compliance`.
 *
 * @example
 * import { ComplianceError } from '@caldera/compliance'
 * if (error instanceof ComplianceError) console.error(error.shortMessage)
 */
export class ComplianceError extends CalderaError {
  override name = 'ComplianceError'
}

/** A transaction given to the AML monitor is malformed (missing account, negative amount, bad time). */
export class InvalidTransactionError extends ComplianceError {
  override name = 'InvalidTransactionError'
  constructor({ field, given, expected }: { field: string; given: string; expected: string }) {
    super(`Invalid transaction: ${field} is ${given}, expected ${expected}.`, {
      hint: 'Fix the transaction before ingesting it; the monitor state is unchanged.',
    })
  }
}

/** The hash chain of an audit log does not verify: an entry was altered, removed or reordered. */
export class AuditChainBrokenError extends ComplianceError {
  override name = 'AuditChainBrokenError'
  constructor({ seq, reason }: { seq: number; reason: string }) {
    super(`Audit log broken at entry ${seq}: ${reason}.`, {
      hint: 'Treat the log as tampered with; restore it from a trusted copy and replay.',
    })
  }
}

/** A row of a transaction file could not be read. */
export class TransactionFileError extends ComplianceError {
  override name = 'TransactionFileError'
  readonly line: number
  readonly column: string
  constructor({
    file,
    line,
    column,
    problem,
  }: { file: string; line: number; column: string; problem: string }) {
    super(`${file}:${line}: column ${column}: ${problem}`)
    this.line = line
    this.column = column
  }
}

/** A currency has no rate in the rate source. */
export class RateNotFoundError extends ComplianceError {
  override name = 'RateNotFoundError'
  constructor({ base, quote }: { base: string; quote: string }) {
    super(`No FX rate for ${base}/${quote}.`, {
      hint: `Add a ${base}/${quote} (or ${quote}/${base}, or a USD cross) rate to the rate source.`,
    })
  }
}

/** Wraps any other failure of a compliance operation. */
export type ComplianceErrorOptions = CalderaErrorOptions
