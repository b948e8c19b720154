import { CalderaError } from '@caldera/core'

/**
 * Thrown when a threshold key generation or signature fails: a dealing that does not match its
 * commitments, a proof of knowledge that does not verify, a signature share that does not match
 * its validator's verification share, or too few signers. Names the participant at fault.
 *
 * @example
 * import { ThresholdSignatureError } from '@caldera/risk-domain'
 * if (error instanceof ThresholdSignatureError) console.error(error.shortMessage)
 */
export class ThresholdSignatureError extends CalderaError {
  override name = 'ThresholdSignatureError'
}
