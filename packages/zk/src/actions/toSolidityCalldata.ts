import type { Groth16Proof } from '../artifacts/types.js'
import { ZkError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'

export type SolidityProof = {
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
  /** Public signals as field elements. */
  inputs: readonly bigint[]
}

export type ToSolidityCalldataParameters = {
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
}

/**
 * Formats a proof for a snarkjs Solidity verifier's `verifyProof(a, b, c, inputs)` (G2 coordinates
 * swapped into the EVM precompile order).
 *
 * @example
 * import { toSolidityCalldata } from '@caldera/zk'
 * const { a, b, c, inputs } = toSolidityCalldata({ proof, publicSignals })
 * await walletClient.writeContract({ address, abi, functionName: 'verifyProof', args: [a, b, c, inputs] })
 */
export function toSolidityCalldata(options: ToSolidityCalldataParameters): SolidityProof {
  check(inputSchemas.calldata, options, 'toSolidityCalldata options')
  const { proof, publicSignals } = options
  const n = (value: string | undefined): bigint => {
    if (value === undefined) throw new ZkError('Malformed Groth16 proof: a coordinate is missing.')
    return BigInt(value)
  }
  const b0 = proof.pi_b[0] ?? []
  const b1 = proof.pi_b[1] ?? []
  return {
    a: [n(proof.pi_a[0]), n(proof.pi_a[1])],
    b: [
      [n(b0[1]), n(b0[0])],
      [n(b1[1]), n(b1[0])],
    ],
    c: [n(proof.pi_c[0]), n(proof.pi_c[1])],
    inputs: publicSignals.map((s) => BigInt(s)),
  }
}
