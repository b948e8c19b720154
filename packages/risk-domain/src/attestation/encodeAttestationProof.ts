import { concatHex, type Hex, size } from 'viem'
import { AttestationProofError } from '../errors/verification.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { BatchAttestation } from './signBatchAttestation.js'

export type EncodeAttestationProofParameters = {
  attestations: readonly Pick<BatchAttestation, 'signer' | 'signature'>[]
}

/**
 * Encodes attestations as the `proof` bytes `AttestationVerifier.verifyBatch` takes: 65-byte
 * signatures packed back to back, sorted by signer address (ascending, no duplicates).
 *
 * @example
 * import { encodeAttestationProof } from '@caldera/risk-domain'
 * const proof = encodeAttestationProof({ attestations })
 */
export function encodeAttestationProof(parameters: EncodeAttestationProofParameters): Hex {
  check(inputSchemas.encodeAttestationProof, parameters, 'attestation proof')
  const { attestations } = parameters
  const sorted = [...attestations].sort((a, b) => compareAddresses(a.signer, b.signer))
  sorted.forEach((a, i) => {
    if (size(a.signature) !== 65)
      throw new AttestationProofError(`Signature of ${a.signer} is ${size(a.signature)} bytes, not 65.`)
    const previous = sorted[i - 1]
    if (previous && compareAddresses(previous.signer, a.signer) === 0)
      throw new AttestationProofError(`Validator ${a.signer} attested twice.`)
  })
  return sorted.length === 0 ? '0x' : concatHex(sorted.map((a) => a.signature))
}

function compareAddresses(a: Hex, b: Hex): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}
