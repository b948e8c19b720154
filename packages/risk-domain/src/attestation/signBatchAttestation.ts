import { parse } from '@caldera/core'
import type { Address, Hex, LocalAccount } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import {
  type AttestationDigestParameters,
  attestationDigest,
  attestationSchema,
} from './attestationDigest.js'

export type SignBatchAttestationParameters = AttestationDigestParameters & {
  /** The validator's signing account. */
  account: Pick<LocalAccount, 'address' | 'signMessage'>
}

/** A validator's signed attestation of one batch root. */
export type BatchAttestation = {
  signer: Address
  signature: Hex
  domainId: Hex
  batchNonce: bigint
  batchRoot: Hex
}

/**
 * Signs an attestation of a batch root as a validator (EIP-191 over {@link attestationDigest}).
 *
 * @example
 * import { privateKeyToAccount } from 'viem/accounts'
 * import { computeBatchRoot, signBatchAttestation } from '@caldera/risk-domain'
 * const attestation = await signBatchAttestation({
 *   account: privateKeyToAccount(key),
 *   domainId,
 *   batchNonce: 1n,
 *   batchRoot: computeBatchRoot({ messages }),
 * })
 */
export async function signBatchAttestation(
  parameters: SignBatchAttestationParameters,
): Promise<BatchAttestation> {
  check(inputSchemas.signBatchAttestation, parameters, 'attestation')
  const { account, ...attestation } = parameters
  const { domainId, batchNonce, batchRoot } = parse(attestationSchema, attestation, 'attestation')
  const digest = attestationDigest({ domainId, batchNonce, batchRoot })
  const signature = await account.signMessage({ message: { raw: digest } })
  return { signer: account.address, signature, domainId, batchNonce, batchRoot }
}
