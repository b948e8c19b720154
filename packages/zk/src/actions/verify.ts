import type { Groth16Proof, VerificationKey } from '../artifacts/types.js'
import { groth16 } from '../internal/snarkjs.js'

export type VerifyParameters = {
  verificationKey: VerificationKey
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
}

/**
 * Verifies a Groth16 proof off chain. Returns `false` for any invalid or malformed proof.
 *
 * @example
 * import { verify } from '@caldera/zk'
 * const ok = await verify({ verificationKey: circuit.verificationKey, proof, publicSignals })
 */
export async function verify({ verificationKey, proof, publicSignals }: VerifyParameters): Promise<boolean> {
  try {
    return await groth16.verify(
      verificationKey,
      publicSignals.map((s) => s.toString()),
      proof,
    )
  } catch {
    return false
  }
}
