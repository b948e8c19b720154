import { createAttestationProof, proveBatch } from '@caldera/risk-domain'
import type { Hex, LocalAccount } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import type { BatchToProve } from './createRelayer.js'

/** Circuit artifacts as `proveBatch` takes them. */
type CircuitArtifacts = Parameters<typeof proveBatch>[0]['artifacts']

export type ZkBatchProverParameters = {
  /** The `batchCommitment` circuit artifacts (`readBatchCircuitArtifacts()` from `@caldera/risk-domain/node`). */
  artifacts: CircuitArtifacts
  /** The source domain's per-message cap as set in the destination's `ZkBatchVerifier`. */
  cap: bigint
  /**
   * The source domain's batch signers, registered in the destination's `ZkBatchVerifier`: their
   * attestations are appended to each proof, which `ZkBatchVerifier` requires (the proof alone
   * does not show the domain sent the batch). Omit them for a hybrid (enterprise) domain, whose
   * `HybridVerifier` authenticates the batch with its own quorum and checks the proof alone.
   */
  signers?: readonly LocalAccount[]
}

/**
 * A relayer prover for zk-tier (financial) domains: each batch (at most 8 messages) gets a
 * Groth16 proof that its Poseidon root commits to exactly these messages under the cap, followed
 * by the `signers`' attestations. Use it as a relayer domain's `prove` with `maxBatch: 8`.
 *
 * @example
 * import { createRelayer, zkBatchProver } from '@caldera/circuit-breaker'
 * import { readBatchCircuitArtifacts } from '@caldera/risk-domain/node'
 * const prove = zkBatchProver({ artifacts: await readBatchCircuitArtifacts(), cap, signers })
 * const relayer = createRelayer({ queueDir, domains: [{ ...financial, prove, maxBatch: 8 }, light] })
 */
export function zkBatchProver(parameters: ZkBatchProverParameters): (batch: BatchToProve) => Promise<Hex> {
  check(inputSchemas.zkBatchProver, parameters, 'zk batch prover')
  return async (batch) => {
    const attestations = parameters.signers
      ? (
          await createAttestationProof({
            domainId: batch.sourceDomain,
            batchNonce: batch.batchNonce,
            messages: batch.messages,
            signers: parameters.signers,
          })
        ).proof
      : undefined
    const { proof } = await proveBatch({
      sourceDomain: batch.sourceDomain,
      batchNonce: batch.batchNonce,
      cap: parameters.cap,
      messages: batch.messages,
      artifacts: parameters.artifacts,
      attestations,
    })
    return proof
  }
}
