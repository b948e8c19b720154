import type { Groth16Proof, VerificationKey } from '../artifacts/types.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { type Curve, curves } from '../internal/snarkjs.js'

export type VerifyParameters = {
  verificationKey: VerificationKey
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
}

type Prepared = {
  curve: Curve
  ic: Uint8Array[]
  preGamma: Uint8Array
  preDelta: Uint8Array
  /** Miller loop of e(alpha, beta), constant per key. */
  alphaBeta: Uint8Array
}

const prepared = new WeakMap<VerificationKey, Promise<Prepared>>()

function g1(curve: Curve, point: unknown): Uint8Array {
  return curve.G1.fromObject((point as string[]).map((c) => BigInt(c)))
}

function g2(curve: Curve, point: unknown): Uint8Array {
  return curve.G2.fromObject((point as string[][]).map((pair) => pair.map((c) => BigInt(c))))
}

async function prepare(vk: VerificationKey): Promise<Prepared> {
  const curve = await curves.getCurveFromName(vk.curve)
  const ic = (vk.IC as unknown[]).map((p) => g1(curve, p))
  return {
    curve,
    ic,
    preGamma: curve.prepareG2(curve.G2.toJacobian(g2(curve, vk.vk_gamma_2))),
    preDelta: curve.prepareG2(curve.G2.toJacobian(g2(curve, vk.vk_delta_2))),
    alphaBeta: curve.millerLoop(
      curve.prepareG1(curve.G1.toJacobian(g1(curve, vk.vk_alpha_1))),
      curve.prepareG2(curve.G2.toJacobian(g2(curve, vk.vk_beta_2))),
    ),
  }
}

/**
 * Verifies a Groth16 proof off chain. Returns `false` for any invalid or malformed proof.
 *
 * Same checks as snarkjs' `groth16.verify` (public signals below the field order, proof points
 * on the curve, `e(-A, B)·e(vk_x, γ)·e(C, δ)·e(α, β) = 1`), computed on the main thread with the
 * key's constant parts prepared once per verification key object: no worker round trips.
 *
 * @example
 * import { verify } from '@caldera/zk'
 * const ok = await verify({ verificationKey: circuit.verificationKey, proof, publicSignals })
 */
export async function verify(options: VerifyParameters): Promise<boolean> {
  check(inputSchemas.verify, options, 'verify options')
  const { verificationKey, proof, publicSignals } = options
  try {
    if (verificationKey.protocol !== 'groth16') return false
    let ready = prepared.get(verificationKey)
    if (!ready) {
      ready = prepare(verificationKey)
      prepared.set(verificationKey, ready)
    }
    const { curve, ic, preGamma, preDelta, alphaBeta } = await ready
    if (publicSignals.length !== ic.length - 1) return false
    const signals = publicSignals.map((s) => BigInt(s))
    if (signals.some((s) => s < 0n || s >= curve.r)) return false
    let vkX = ic[0]!
    signals.forEach((s, i) => {
      vkX = curve.G1.add(vkX, curve.G1.timesScalar(ic[i + 1]!, s))
    })
    const a = g1(curve, proof.pi_a)
    const b = g2(curve, proof.pi_b)
    const c = g1(curve, proof.pi_c)
    if (!curve.G1.isValid(a) || !curve.G2.isValid(b) || !curve.G1.isValid(c)) return false
    let product = curve.millerLoop(
      curve.prepareG1(curve.G1.toJacobian(curve.G1.neg(a))),
      curve.prepareG2(curve.G2.toJacobian(b)),
    )
    product = curve.Gt.mul(product, curve.millerLoop(curve.prepareG1(curve.G1.toJacobian(vkX)), preGamma))
    product = curve.Gt.mul(product, curve.millerLoop(curve.prepareG1(curve.G1.toJacobian(c)), preDelta))
    product = curve.Gt.mul(product, alphaBeta)
    return curve.Gt.eq(curve.finalExponentiation(product), curve.Gt.one)
  } catch {
    return false
  }
}
