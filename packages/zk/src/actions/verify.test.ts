import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { poseidon2 } from 'poseidon-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { preimageCircuit } from '../../test/generated/circuits.js'
import type { Groth16Proof } from '../artifacts/types.js'
import { groth16 } from '../internal/snarkjs.js'
import { readCircuitArtifacts } from '../node/readCircuitArtifacts.js'
import { prove } from './prove.js'
import { terminateProver } from './terminateProver.js'
import { verify } from './verify.js'

const artifactsDir = fileURLToPath(new URL('../../test/artifacts', import.meta.url))
const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

afterAll(() => terminateProver())

describe('verify', () => {
  it('agrees with snarkjs groth16.verify on valid, tampered and malformed proofs', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: preimageCircuit, artifactsDir })
    const secret = [8n, 9n]
    const { proof, publicSignals } = await prove({
      artifacts,
      input: { secret, hash: poseidon2(secret), tag: 4n },
    })
    const vk = preimageCircuit.verificationKey
    const cases: { proof: Groth16Proof; publicSignals: string[] }[] = [
      { proof, publicSignals },
      { proof, publicSignals: [publicSignals[0]!, '5'] },
      { proof, publicSignals: [String(BigInt(publicSignals[0]!) + R), publicSignals[1]!] },
      { proof, publicSignals: publicSignals.slice(0, 1) },
      {
        proof: { ...proof, pi_a: [proof.pi_a[0]!, String(BigInt(proof.pi_a[1]!) + 1n), '1'] },
        publicSignals,
      },
      { proof: { ...proof, pi_c: proof.pi_a }, publicSignals },
      { proof: { ...proof, pi_b: [proof.pi_b[1]!, proof.pi_b[0]!, proof.pi_b[2]!] }, publicSignals },
    ]
    const ours = await Promise.all(cases.map((c) => verify({ verificationKey: vk, ...c })))
    const theirs = await Promise.all(
      cases.map((c) => groth16.verify(vk, c.publicSignals, c.proof).catch(() => false)),
    )
    expect(ours).toEqual([true, false, false, false, false, false, false])
    expect(ours).toEqual(theirs)
  })

  it('rejects every random public signal but the proved one (property)', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: preimageCircuit, artifactsDir })
    const secret = [1n, 1n]
    const hash = poseidon2(secret)
    const { proof } = await prove({ artifacts, input: { secret, hash, tag: 2n } })
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 0n, max: R - 1n }), async (tag) => {
        const ok = await verify({
          verificationKey: preimageCircuit.verificationKey,
          proof,
          publicSignals: [hash, tag],
        })
        expect(ok).toBe(tag === 2n)
      }),
      { numRuns: 20 },
    )
  })
})
