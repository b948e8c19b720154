import { thresholdAttestationVerifierAbi } from '@caldera/contracts'
import { addressSchema, bytes32Schema, parse } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'
import type { ThresholdGroupKey } from '../threshold/types.js'

const schema = z.object({
  verifier: addressSchema,
  domainId: bytes32Schema,
  groupKey: z
    .object({
      x: z.bigint().positive(),
      parity: z.union([z.literal(0), z.literal(1)]),
      validators: z.number().int().positive().max(65_535),
      threshold: z.number().int().positive(),
    })
    .refine((k) => k.threshold <= k.validators, {
      message: 'a threshold no larger than the number of validators',
      path: ['threshold'],
    }),
})

export type SetGroupKeyParameters = {
  /** The `ThresholdAttestationVerifier` on the destination chain. */
  verifier: Address
  /** The source domain whose validators hold the key. */
  domainId: Hex
  /** From `generateThresholdKey` (the key generation the domain's validators ran). */
  groupKey: Pick<ThresholdGroupKey, 'x' | 'parity' | 'validators' | 'threshold'>
}

/**
 * Records a source domain's threshold group key in a `ThresholdAttestationVerifier` (needs its
 * `VALIDATOR_SET_ROLE`); run after every key generation (a new validator set is a new key).
 *
 * @example
 * import { generateThresholdKey, setGroupKey } from '@caldera/risk-domain'
 * const { groupKey } = generateThresholdKey({ validators: 50, threshold: 26 })
 * await setGroupKey(walletClient, { verifier, domainId, groupKey })
 */
export async function setGroupKey(
  client: WriteClient,
  parameters: SetGroupKeyParameters,
): Promise<{ hash: Hash }> {
  const { verifier, domainId, groupKey } = parse(schema, parameters, 'group key')
  const { hash } = await writeAndWait(client, {
    address: verifier,
    abi: thresholdAttestationVerifierAbi,
    functionName: 'setGroupKey',
    args: [domainId, groupKey.x, groupKey.parity, BigInt(groupKey.validators), BigInt(groupKey.threshold)],
  })
  return { hash }
}
