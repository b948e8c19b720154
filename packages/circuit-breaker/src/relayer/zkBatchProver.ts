import { proveBatch } from '@caldera/risk-domain'
import type { Hex } from 'viem'
import type { BatchToProve } from './createRelayer.js'

/** Circuit artifacts as `proveBatch` takes them. */
type CircuitArtifacts = Parameters<typeof proveBatch>[0]['artifacts']

export type ZkBatchProverParameters = {
  /** The `batchCommitment` circuit artifacts (`readBatchCircuitArtifacts()` from `@caldera/risk-domain/node`). */
  artifacts: CircuitArtifacts
  /** The source domain's per-message cap as set in the destination's `ZkBatchVerifier`. */
  cap: bigint
}

/**
 * A relayer prover for zk-tier (financial) domains: each batch (at most 8 messages) gets a
 * Groth16 proof that its Poseidon root commits to exactly these messages under the cap. Use
 * it as a relayer domain's `prove` with `maxBatch: 8`.
 *
 * @example
 * import { createRelayer, zkBatchProver } from '@caldera/circuit-breaker'
 * import { readBatchCircuitArtifacts } from '@caldera/risk-domain/node'
 * const prove = zkBatchProver({ artifacts: await readBatchCircuitArtifacts(), cap })
 * const relayer = createRelayer({ queueDir, domains: [{ ...financial, prove, maxBatch: 8 }, light] })
 */
export function zkBatchProver(parameters: ZkBatchProverParameters): (batch: BatchToProve) => Promise<Hex> {
  return async (batch) => {
    const { proof } = await proveBatch({
      sourceDomain: batch.sourceDomain,
      batchNonce: batch.batchNonce,
      cap: parameters.cap,
      messages: batch.messages,
      artifacts: parameters.artifacts,
    })
    return proof
  }
}
