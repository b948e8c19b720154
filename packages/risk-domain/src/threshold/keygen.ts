import { parse } from '@caldera/core'
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js'
import { concat, numberToHex, stringToHex } from 'viem'
import { z } from 'zod'
import { ThresholdSignatureError } from '../errors/threshold.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { compressed, hashToScalar, mod, N, Point, randomScalar } from './scalar.js'
import type { ThresholdKey } from './types.js'

/** One participant's dealing in the key generation: commitments to its polynomial, a proof that it
 * knows the constant term, and the share it sends to each participant. */
export type Dealing = {
  dealer: number
  /** a_k·G for the coefficients a_0 … a_{t−1} of the dealer's secret polynomial. */
  commitments: WeierstrassPoint<bigint>[]
  /** Schnorr proof of knowledge of a_0 (stops a dealer choosing its commitment after the others'). */
  proof: { r: WeierstrassPoint<bigint>; mu: bigint }
  /** f(j) for participant j = 1 … n (sent privately to j). */
  shares: bigint[]
}

const schema = z
  .object({
    validators: z.number().int().min(1).max(1_000),
    threshold: z.number().int().min(1),
    context: z.string().max(200).default('caldera-threshold-attestation'),
  })
  .refine((v) => v.threshold <= v.validators, {
    message: 'threshold must be at most the number of validators',
    path: ['threshold'],
  })

function proofChallenge(
  context: string,
  dealer: number,
  commitment: InstanceType<typeof Point>,
  r: InstanceType<typeof Point>,
) {
  return hashToScalar(
    concat([numberToHex(dealer, { size: 2 }), compressed(commitment), compressed(r), stringToHex(context)]),
  )
}

/** Round 1 of the key generation for one participant: a random polynomial of degree t−1. */
export function createDealing(parameters: {
  dealer: number
  validators: number
  threshold: number
  context?: string
}): Dealing {
  check(inputSchemas.createDealing, parameters, 'dealing parameters')
  const { dealer, validators, threshold, context = 'caldera-threshold-attestation' } = parameters
  const coefficients = Array.from({ length: threshold }, () => randomScalar())
  const commitments = coefficients.map((a) => Point.BASE.multiply(a))
  const k = randomScalar()
  const r = Point.BASE.multiply(k)
  const mu = mod(k + coefficients[0]! * proofChallenge(context, dealer, commitments[0]!, r))
  const shares = Array.from({ length: validators }, (_, j) => {
    const x = BigInt(j + 1)
    let value = 0n
    for (let i = coefficients.length - 1; i >= 0; i--) value = mod(value * x + coefficients[i]!)
    return value
  })
  return { dealer, commitments, proof: { r, mu }, shares }
}

/**
 * Checks a dealing: its proof of knowledge, and every share against its commitments (all shares at
 * once, with random weights: Σ w_j·f(j)·G = Σ_k (Σ_j w_j·j^k)·C_k). Throws naming the dealer.
 */
export function verifyDealing(dealing: Dealing, parameters: { threshold: number; context?: string }): void {
  check(inputSchemas.dealing, dealing, 'dealing')
  check(inputSchemas.verifyDealing, parameters, 'dealing check')
  const { threshold, context = 'caldera-threshold-attestation' } = parameters
  const { dealer, commitments, proof, shares } = dealing
  if (commitments.length !== threshold) {
    throw new ThresholdSignatureError(
      `Dealer ${dealer} committed to ${commitments.length} coefficients, expected ${threshold}.`,
    )
  }
  const c = proofChallenge(context, dealer, commitments[0]!, proof.r)
  if (!Point.BASE.multiply(proof.mu).equals(proof.r.add(commitments[0]!.multiply(c)))) {
    throw new ThresholdSignatureError(`Dealer ${dealer}'s proof of knowledge does not verify.`)
  }
  let left = 0n
  const weights = Array.from({ length: threshold }, () => 0n)
  shares.forEach((share, j) => {
    const w = randomScalar()
    left = mod(left + w * share)
    let power = 1n
    for (let k = 0; k < threshold; k++) {
      weights[k] = mod(weights[k]! + w * power)
      power = mod(power * BigInt(j + 1))
    }
  })
  const right = commitments.reduce(
    (sum, point, k) => (weights[k]! === 0n ? sum : sum.add(point.multiply(weights[k]!))),
    Point.ZERO,
  )
  if (!(left === 0n ? Point.ZERO : Point.BASE.multiply(left)).equals(right)) {
    throw new ThresholdSignatureError(`Dealer ${dealer}'s shares do not match its commitments.`)
  }
}

/**
 * Generates a domain's threshold signing key with a distributed key generation (Pedersen, with
 * proofs of knowledge, as in FROST): every validator deals shares of its own random polynomial,
 * every dealing is checked against its commitments, and each validator's key share is the sum of
 * the shares it received; no one ever holds the group secret. Here all participants run in this
 * process (tests, devnets); `createDealing` and `verifyDealing` are the per-participant steps.
 *
 * @example
 * import { generateThresholdKey } from '@caldera/risk-domain'
 * const { groupKey, shares } = generateThresholdKey({ validators: 50, threshold: 26 })
 */
export function generateThresholdKey(parameters: {
  validators: number
  threshold: number
  context?: string
}): ThresholdKey {
  const { validators, threshold, context } = parse(schema, parameters, 'threshold key generation')
  for (;;) {
    const dealings = Array.from({ length: validators }, (_, i) =>
      createDealing({ dealer: i + 1, validators, threshold, context }),
    )
    for (const dealing of dealings) verifyDealing(dealing, { threshold, context })
    const group = dealings.reduce((sum, d) => sum.add(d.commitments[0]!), Point.ZERO)
    const { x, y } = group.toAffine()
    // The on-chain check needs x below the group order (fails with probability about 2^-128).
    if (x >= N) continue
    const shares = Array.from({ length: validators }, (_, j) => {
      const secret = dealings.reduce((sum, d) => mod(sum + d.shares[j]!), 0n)
      return { index: j + 1, secret, verificationShare: compressed(Point.BASE.multiply(secret)) }
    })
    return {
      groupKey: {
        x,
        parity: (y & 1n) === 1n ? 1 : 0,
        publicKey: compressed(group),
        validators,
        threshold,
      },
      shares,
    }
  }
}
