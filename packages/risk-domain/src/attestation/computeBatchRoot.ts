import { parse } from '@caldera/core'
import { encodeAbiParameters, type Hex, keccak256 } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import {
  type BatchMessage,
  type BatchMessageInput,
  batchMessagesAbiParameter,
  batchMessagesSchema,
} from './batchMessage.js'

export type ComputeBatchRootParameters = { messages: readonly BatchMessageInput[] }

/**
 * The keccak batch root validators attest: `keccak256(abi.encode(messages))`, exactly as
 * `AttestationVerifier.batchRoot` computes it on chain.
 *
 * @example
 * import { computeBatchRoot } from '@caldera/risk-domain'
 * const root = computeBatchRoot({ messages })
 */
export function computeBatchRoot(parameters: ComputeBatchRootParameters): Hex {
  check(inputSchemas.computeBatchRoot, parameters, 'batch root')
  const { messages } = parameters
  const parsed = parse(batchMessagesSchema, messages, 'batch messages') as BatchMessage[]
  return keccak256(encodeAbiParameters([batchMessagesAbiParameter], [parsed]))
}
