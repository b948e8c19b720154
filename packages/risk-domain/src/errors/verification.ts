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
