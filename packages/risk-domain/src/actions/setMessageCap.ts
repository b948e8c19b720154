import { zkBatchVerifierAbi } from '@caldera/contracts'
import { addressSchema, amountSchema, bytes32Schema, parse } from '@caldera/core'
import type { Address, Hash, Hex } from 'viem'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const schema = z.object({
  verifier: addressSchema,
  domainId: bytes32Schema,
  cap: amountSchema.refine((v) => v > 0n && v < 2n ** 128n, { message: 'a cap between 1 and 2^128 - 1' }),
})

export type SetMessageCapParameters = {
  /** The ZkBatchVerifier. */
  verifier: Address
  /** The source domain. */
  domainId: Hex
  /** Largest amount (token base units) one message may carry; proofs bind it. */
  cap: bigint
}
export type SetMessageCapReturnType = { hash: Hash }

/**
 * Sets a source domain's per-message cap in a `ZkBatchVerifier` (needs its `CAP_ROLE`).
 *
 * @example
 * import { setMessageCap } from '@caldera/risk-domain'
 * await setMessageCap(walletClient, { verifier, domainId, cap: 1_000_000n * 10n ** 6n })
 */
export async function setMessageCap(
  client: WriteClient,
  parameters: SetMessageCapParameters,
): Promise<SetMessageCapReturnType> {
  const { verifier, domainId, cap } = parse(schema, parameters, 'message cap')
  const { hash } = await writeAndWait(client, {
    address: verifier,
    abi: zkBatchVerifierAbi,
    functionName: 'setMessageCap',
    args: [domainId, cap],
  })
  return { hash }
}
