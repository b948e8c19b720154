import type { Hex, LocalAccount } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import type { BatchMessageInput } from './batchMessage.js'
import { computeBatchRoot } from './computeBatchRoot.js'
import { encodeAttestationProof } from './encodeAttestationProof.js'
import { signBatchAttestation } from './signBatchAttestation.js'

export type CreateAttestationProofParameters = {
  /** The source domain's id (`domainIdOf(name)`). */
  domainId: Hex
  batchNonce: bigint
  messages: readonly BatchMessageInput[]
  /** Validator accounts that attest (at least the verifier's threshold of them). */
  signers: readonly Pick<LocalAccount, 'address' | 'signMessage'>[]
}

export type CreateAttestationProofReturnType = { batchRoot: Hex; proof: Hex }

/**
 * Computes the batch root, has every signer attest it and encodes the `proof` bytes for
 * `AttestationVerifier` (light tier) or the attestation part of `HybridVerifier`.
 *
 * @example
 * import { createAttestationProof } from '@caldera/risk-domain'
 * const { proof } = await createAttestationProof({ domainId, batchNonce: 1n, messages, signers })
 * await publicClient.simulateContract({
 *   address: verifier, abi: attestationVerifierAbi, functionName: 'verifyBatch',
 *   args: [domainId, 1n, messages, proof],
 * })
 */
export async function createAttestationProof(
  parameters: CreateAttestationProofParameters,
): Promise<CreateAttestationProofReturnType> {
  check(inputSchemas.createAttestationProof, parameters, 'attestation proof')
  const { domainId, batchNonce, messages, signers } = parameters
  const batchRoot = computeBatchRoot({ messages })
  const attestations = await Promise.all(
    signers.map((account) => signBatchAttestation({ account, domainId, batchNonce, batchRoot })),
  )
  return { batchRoot, proof: encodeAttestationProof({ attestations }) }
}
