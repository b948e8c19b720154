import { attestationVerifierAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const schema = z
  .object({
    verifier: addressSchema,
    domainId: bytes32Schema,
    validators: z.array(addressSchema).min(1).max(2_000),
    threshold: z.number().int().positive(),
  })
  .refine((v) => v.threshold <= v.validators.length, {
    message: 'a threshold no larger than the number of validators',
    path: ['threshold'],
  })

export type SetValidatorSetParameters = {
  /** The `AttestationVerifier` or `HybridVerifier` on the destination chain. */
  verifier: Address
  /** The source domain whose validators attest its batches. */
  domainId: Hex
  validators: readonly Address[]
  /** Signatures needed to verify a batch. */
  threshold: number
}
export type SetValidatorSetReturnType = { hash: Hash }

/**
 * Replaces the copy of a source domain's validator set that a verifier on the destination chain
 * keeps (needs the verifier's `VALIDATOR_SET_ROLE`).
 *
 * @example
 * import { setValidatorSet } from '@caldera/risk-domain'
 * await setValidatorSet(walletClient, { verifier, domainId, validators, threshold: 26 })
 */
export async function setValidatorSet(
  client: WriteClient,
  parameters: SetValidatorSetParameters,
): Promise<SetValidatorSetReturnType> {
  const { verifier, domainId, validators, threshold } = parse(schema, parameters, 'validator set')
  const { hash } = await writeAndWait(client, {
    address: verifier,
    abi: attestationVerifierAbi,
    functionName: 'setValidatorSet',
    args: [domainId, validators, BigInt(threshold)],
  })
  return { hash }
}
