import { amountSchema, bytes32Schema, parse } from '@caldera/core'
import { encodeAbiParameters, type Hex, keccak256, toHex } from 'viem'
import { z } from 'zod'

/** `keccak256("CalderaBatchAttestation(bytes32 domainId,uint256 batchNonce,bytes32 batchRoot)")`. */
export const attestationTag = keccak256(
  toHex('CalderaBatchAttestation(bytes32 domainId,uint256 batchNonce,bytes32 batchRoot)'),
)

export const attestationSchema = z.object({
  domainId: bytes32Schema,
  batchNonce: amountSchema,
  batchRoot: bytes32Schema,
})

export type AttestationDigestParameters = z.input<typeof attestationSchema>

/**
 * The 32-byte message a validator signs (with the EIP-191 personal-message prefix) to attest
 * batch `batchNonce` of `domainId` with root `batchRoot`.
 *
 * @example
 * import { attestationDigest, computeBatchRoot } from '@caldera/risk-domain'
 * const digest = attestationDigest({ domainId, batchNonce: 7n, batchRoot: computeBatchRoot({ messages }) })
 */
export function attestationDigest(parameters: AttestationDigestParameters): Hex {
  const { domainId, batchNonce, batchRoot } = parse(attestationSchema, parameters, 'attestation')
  return keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'bytes32' }],
      [attestationTag, domainId, batchNonce, batchRoot],
    ),
  )
}
