import { CalderaError } from '@caldera/core'

/**
 * Thrown when attestations cannot be encoded into a proof (bad signature length, a validator
 * attesting twice).
 *
 * @example
 * import { AttestationProofError } from '@caldera/risk-domain'
 * if (error instanceof AttestationProofError) console.error(error.shortMessage)
 */
export class AttestationProofError extends CalderaError {
  override name = 'AttestationProofError'
  constructor(shortMessage: string) {
    super(shortMessage, { hint: 'Pass one 65-byte signature per validator.' })
  }
}

/**
 * Thrown when a batch cannot be proved for the financial tier (a message above the cap, a
 * batch of another domain, values that do not fit the circuit).
 *
 * @example
 * import { ZkBatchError } from '@caldera/risk-domain'
 * if (error instanceof ZkBatchError) console.error(error.shortMessage)
 */
export class ZkBatchError extends CalderaError {
  override name = 'ZkBatchError'
  constructor(shortMessage: string, options: { hint?: string } = {}) {
    super(shortMessage, { hint: options.hint ?? 'Fix the batch and prove again.' })
  }
}
