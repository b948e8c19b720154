import { parse } from '@caldera/core'
import { concat, encodePacked, type Hex, hashMessage, keccak256, numberToHex } from 'viem'
import { z } from 'zod'
import { attestationDigest } from '../attestation/attestationDigest.js'
import type { BatchMessageInput } from '../attestation/batchMessage.js'
import { computeBatchRoot } from '../attestation/computeBatchRoot.js'
import { ThresholdSignatureError } from '../errors/threshold.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { addressOf, compressed, hashToScalar, invert, mod, mul, Point, randomScalar } from './scalar.js'
import type { ThresholdGroupKey, ThresholdKeyShare } from './types.js'

/** A 64-byte threshold signature `abi.encodePacked(e, s)`, as `ThresholdAttestationVerifier` takes it. */
export type ThresholdSignature = { e: bigint; s: bigint; proof: Hex }

/**
 * The challenge the contract recomputes: keccak256(abi.encodePacked(address(R), parity, x, message)).
 */
function challenge(r: InstanceType<typeof Point>, key: ThresholdGroupKey, message: Hex): bigint {
  return BigInt(
    keccak256(
      encodePacked(
        ['address', 'uint8', 'uint256', 'bytes32'],
        [addressOf(r) as Hex, key.parity, key.x, message],
      ),
    ),
  )
}

/**
 * Checks a threshold signature exactly as `SchnorrSecp256k1.verify` does on chain:
 * R = s·G − e·P must hash back to e.
 *
 * @example
 * import { verifyThresholdSignature } from '@caldera/risk-domain'
 * verifyThresholdSignature({ groupKey, message, signature }) // true
 */
export function verifyThresholdSignature(parameters: {
  groupKey: ThresholdGroupKey
  message: Hex
  signature: Pick<ThresholdSignature, 'e' | 's'>
}): boolean {
  check(inputSchemas.verifyThresholdSignature, parameters, 'threshold signature check')
  const { groupKey, message, signature } = parameters
  const { e, s } = signature
  if (s <= 0n || s >= Point.Fn.ORDER || e === 0n) return false
  let key: InstanceType<typeof Point>
  try {
    key = Point.fromHex(groupKey.publicKey.slice(2))
  } catch {
    return false
  }
  const r = mul(Point.BASE, s).subtract(mul(key, e))
  if (r.equals(Point.ZERO)) return false
  return challenge(r, groupKey, message) === e
}

const signSchema = z.object({
  message: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'a 32-byte hex digest'),
  shares: z
    .array(z.object({ index: z.number().int().min(1), secret: z.bigint(), verificationShare: z.string() }))
    .min(1),
})

/**
 * Signs a 32-byte message with a threshold of the group's key shares (FROST, two rounds: each
 * signer commits to two nonces, then answers with its signature share bound to every signer's
 * commitments). Each share is checked against its validator's verification share before
 * aggregation, so a faulty signer is named. All signers run in this process (tests, devnets, a
 * validator cluster's coordinator); the result is one Schnorr signature.
 *
 * @throws ThresholdSignatureError with fewer than `threshold` distinct signers or a bad share.
 * @example
 * import { signThreshold } from '@caldera/risk-domain'
 * const { proof } = signThreshold({ groupKey, shares: shares.slice(0, 26), message: digest })
 */
export function signThreshold(parameters: {
  groupKey: ThresholdGroupKey
  shares: readonly ThresholdKeyShare[]
  message: Hex
}): ThresholdSignature {
  check(inputSchemas.signThreshold, parameters, 'threshold signature')
  const { groupKey } = parameters
  const { message, shares } = parse(signSchema, parameters, 'threshold signature')
  const indices = shares.map((s) => s.index)
  if (new Set(indices).size !== indices.length) {
    throw new ThresholdSignatureError('A validator appears twice among the signers.', {
      details: `indices ${indices.join(', ')}`,
    })
  }
  if (shares.length < groupKey.threshold) {
    throw new ThresholdSignatureError(
      `${shares.length} signers cannot sign for a ${groupKey.threshold}-of-${groupKey.validators} key.`,
      { hint: `Collect signature shares from at least ${groupKey.threshold} validators.` },
    )
  }
  const signers = [...shares].sort((a, b) => a.index - b.index)
  // Round 1: nonce pairs and their commitments.
  const nonces = signers.map(() => ({ d: randomScalar(), e: randomScalar() }))
  const commitments = nonces.map(({ d, e }) => ({ D: Point.BASE.multiply(d), E: Point.BASE.multiply(e) }))
  const list = concat(
    signers.flatMap((s, i) => [
      numberToHex(s.index, { size: 2 }),
      compressed(commitments[i]!.D),
      compressed(commitments[i]!.E),
    ]),
  )
  const rho = signers.map((s) =>
    hashToScalar(concat([numberToHex(s.index, { size: 2 }), message as Hex, list])),
  )
  const r = commitments.reduce((sum, c, i) => sum.add(c.D).add(mul(c.E, rho[i]!)), Point.ZERO)
  if (r.equals(Point.ZERO))
    throw new ThresholdSignatureError('The group commitment is the identity; sign again.')
  const e = challenge(r, groupKey, message as Hex)
  const c = mod(e)
  // Round 2: signature shares, each checked against the signer's verification share.
  let s = 0n
  signers.forEach((signer, i) => {
    let lambda = 1n
    for (const other of signers) {
      if (other.index === signer.index) continue
      lambda = mod(lambda * BigInt(other.index) * invert(BigInt(other.index - signer.index)))
    }
    const z = mod(nonces[i]!.d + nonces[i]!.e * rho[i]! + lambda * signer.secret * c)
    const expected = commitments[i]!.D.add(mul(commitments[i]!.E, rho[i]!)).add(
      mul(verificationPoint(signer), c * lambda),
    )
    if (!mul(Point.BASE, z).equals(expected)) {
      throw new ThresholdSignatureError(
        `Validator ${signer.index}'s signature share does not match its verification share.`,
      )
    }
    s = mod(s + z)
  })
  const signature = { e, s, proof: concat([numberToHex(e, { size: 32 }), numberToHex(s, { size: 32 })]) }
  if (!verifyThresholdSignature({ groupKey, message: message as Hex, signature })) {
    throw new ThresholdSignatureError('The aggregated signature does not verify against the group key.')
  }
  return signature
}

/**
 * The `proof` of a batch for `ThresholdAttestationVerifier`: a threshold signature over the same
 * digest k-of-n attestations sign: the EIP-191 hash of
 * `keccak256(abi.encode(TAG, domainId, batchNonce, batchRoot))`.
 *
 * @example
 * import { createThresholdAttestation } from '@caldera/risk-domain'
 * const { proof } = createThresholdAttestation({ domainId, batchNonce: 1n, messages, groupKey, shares: shares.slice(0, 26) })
 */
export function createThresholdAttestation(parameters: {
  domainId: Hex
  batchNonce: bigint
  messages: readonly BatchMessageInput[]
  groupKey: ThresholdGroupKey
  shares: readonly ThresholdKeyShare[]
}): ThresholdSignature {
  check(inputSchemas.thresholdAttestation, parameters, 'threshold attestation')
  const { domainId, batchNonce, messages, groupKey, shares } = parameters
  const message = hashMessage({
    raw: attestationDigest({ domainId, batchNonce, batchRoot: computeBatchRoot({ messages }) }),
  })
  return signThreshold({ groupKey, shares, message })
}

function verificationPoint(signer: { index: number; verificationShare: string }): InstanceType<typeof Point> {
  try {
    return Point.fromHex(signer.verificationShare.slice(2))
  } catch {
    throw new ThresholdSignatureError(`Validator ${signer.index}'s verification share is not a curve point.`)
  }
}
