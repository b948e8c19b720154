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

/**
 * Thrown by `verifyBatch` when the destination chain's verifier rejects a batch; `reason` is the
 * contract's custom error (e.g. `NotAValidator`, `InvalidProof`, `ChallengeWindowOpen`).
 *
 * @example
 * import { BatchRejectedError } from '@caldera/risk-domain'
 * if (error instanceof BatchRejectedError && error.reason === 'ChallengeWindowOpen') retryLater()
 */
export class BatchRejectedError extends CalderaError {
  override name = 'BatchRejectedError'
  readonly reason: string
  readonly transactionHash: `0x${string}` | undefined
  constructor({
    proofSystem,
    reason,
    args,
    transactionHash,
    cause,
  }: {
    proofSystem: string
    reason: string
    args?: string
    transactionHash?: `0x${string}`
    cause?: unknown
  }) {
    super(`The ${proofSystem} verifier rejected the batch: ${reason}${args ? `(${args})` : ''}.`, {
      cause,
      metaMessages: transactionHash ? [`- reverted in transaction ${transactionHash}`] : [],
      hint: hintFor(reason),
    })
    this.reason = reason
    this.transactionHash = transactionHash
  }
}

function hintFor(reason: string): string {
  if (reason === 'ChallengeWindowOpen')
    return 'Wait until the challenge window has passed, then verify again.'
  if (reason === 'QuorumNotReached') return 'Collect attestations from more validators of the source domain.'
  if (reason === 'NotAValidator' || reason === 'SignersNotAscending' || reason === 'InvalidSignature')
    return 'Sign with validators of the verifier’s current set and encode with encodeAttestationProof.'
  if (reason === 'InvalidProof') return 'Prove exactly these messages, nonce and domain cap with proveBatch.'
  if (reason === 'ZkProofRequired') return 'The batch is above the ZK threshold: pass a proveBatch proof.'
  return 'Check the batch, its nonce and the proof against the verifier’s configuration.'
}
