import { stakingRegistryAbi } from '@caldera/contracts'
import { addressSchema, amountSchema, bytes32Schema, hexSchema, parse } from '@caldera/core'
import { type Address, type Hash, type Hex, parseEventLogs } from 'viem'
import { z } from 'zod'
import type { WriteClient } from '../internal/client.js'
import { writeAndWait } from '../internal/send.js'

const signed = z.object({ batchRoot: bytes32Schema, signature: hexSchema })
const schema = z.object({
  staking: addressSchema,
  domainId: bytes32Schema,
  batchNonce: amountSchema,
  first: signed,
  second: signed,
})

export type ReportEquivocationParameters = {
  /** The StakingRegistry. */
  staking: Address
  domainId: Hex
  batchNonce: bigint
  /** One attestation (root + signature) of the validator for this nonce. */
  first: { batchRoot: Hex; signature: Hex }
  /** A second attestation by the same validator, for the same nonce and another root. */
  second: { batchRoot: Hex; signature: Hex }
}
export type ReportEquivocationReturnType = { hash: Hash; validator: Address; slashed: bigint }

/**
 * Reports a validator that attested two different batch roots for the same domain and batch
 * nonce: its whole stake is slashed (10 % to the reporter) and its seat removed for good.
 *
 * @example
 * import { reportEquivocation } from '@caldera/risk-domain'
 * const { validator, slashed } = await reportEquivocation(walletClient, {
 *   staking, domainId, batchNonce: 4n, first, second,
 * })
 */
export async function reportEquivocation(
  client: WriteClient,
  parameters: ReportEquivocationParameters,
): Promise<ReportEquivocationReturnType> {
  const { staking, domainId, batchNonce, first, second } = parse(schema, parameters, 'equivocation report')
  const { hash, receipt } = await writeAndWait(client, {
    address: staking,
    abi: stakingRegistryAbi,
    functionName: 'reportEquivocation',
    args: [domainId, batchNonce, first.batchRoot, first.signature, second.batchRoot, second.signature],
  })
  const [event] = parseEventLogs({
    abi: stakingRegistryAbi,
    logs: receipt.logs,
    eventName: 'EquivocationReported',
  })
  if (!event) throw new Error('EquivocationReported event missing')
  return { hash, validator: event.args.validator, slashed: event.args.slashed }
}
