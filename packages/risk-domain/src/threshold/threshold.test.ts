import fc from 'fast-check'
import { keccak256, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { ThresholdSignatureError } from '../errors/threshold.js'
import { createDealing, generateThresholdKey, verifyDealing } from './keygen.js'
import { mod } from './scalar.js'
import { signThreshold, verifyThresholdSignature } from './sign.js'

const message = keccak256(toHex('batch 1 of light-games'))

describe('threshold keys and signatures (FROST over secp256k1)', () => {
  const { groupKey, shares } = generateThresholdKey({ validators: 7, threshold: 5 })

  it('any 5 of 7 validators sign; the signature verifies as the contract checks it', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(shares, { minLength: 5, maxLength: 7 }), (signers) => {
        const signature = signThreshold({ groupKey, shares: signers, message })
        expect(verifyThresholdSignature({ groupKey, message, signature })).toBe(true)
        expect(signature.proof).toHaveLength(2 + 128)
      }),
      { numRuns: 12 },
    )
  })

  it('a signature does not verify for another message, another key or a changed s or e', () => {
    const signature = signThreshold({ groupKey, shares: shares.slice(0, 5), message })
    const other = keccak256(toHex('batch 2 of light-games'))
    expect(verifyThresholdSignature({ groupKey, message: other, signature })).toBe(false)
    const { groupKey: otherKey } = generateThresholdKey({ validators: 7, threshold: 5 })
    expect(verifyThresholdSignature({ groupKey: otherKey, message, signature })).toBe(false)
    expect(
      verifyThresholdSignature({ groupKey, message, signature: { ...signature, s: mod(signature.s + 1n) } }),
    ).toBe(false)
    expect(
      verifyThresholdSignature({ groupKey, message, signature: { ...signature, e: signature.e ^ 1n } }),
    ).toBe(false)
  })

  it('refuses fewer signers than the threshold, a signer twice and a forged share', () => {
    expect(() => signThreshold({ groupKey, shares: shares.slice(0, 4), message })).toThrow(
      /4 signers cannot sign for a 5-of-7 key/,
    )
    expect(() => signThreshold({ groupKey, shares: [...shares.slice(0, 4), shares[0]!], message })).toThrow(
      ThresholdSignatureError,
    )
    const forged = shares.slice(0, 5).map((s, i) => (i === 2 ? { ...s, secret: mod(s.secret + 1n) } : s))
    expect(() => signThreshold({ groupKey, shares: forged, message })).toThrow(
      new RegExp(`Validator ${forged[2]!.index}'s signature share does not match`),
    )
  })

  it('four colluding validators of a 5-of-7 key cannot sign (their shares interpolate another key)', () => {
    // Pretend the four are a 4-of-4 group: the signature they make verifies for no group key.
    const colluders = shares.slice(0, 4)
    const fake = { ...groupKey, threshold: 4 }
    expect(() => signThreshold({ groupKey: fake, shares: colluders, message })).toThrow(
      ThresholdSignatureError,
    )
  })

  it('the key generation checks every dealing: a wrong share or a bad proof of knowledge names the dealer', () => {
    const dealing = createDealing({ dealer: 3, validators: 7, threshold: 5 })
    expect(() => verifyDealing(dealing, { threshold: 5 })).not.toThrow()
    const wrongShare = { ...dealing, shares: dealing.shares.map((s, j) => (j === 4 ? mod(s + 1n) : s)) }
    expect(() => verifyDealing(wrongShare, { threshold: 5 })).toThrow(/Dealer 3's shares do not match/)
    const badProof = { ...dealing, proof: { ...dealing.proof, mu: mod(dealing.proof.mu + 1n) } }
    expect(() => verifyDealing(badProof, { threshold: 5 })).toThrow(/Dealer 3's proof of knowledge/)
    const short = { ...dealing, commitments: dealing.commitments.slice(0, 4) }
    expect(() => verifyDealing(short, { threshold: 5 })).toThrow(/committed to 4 coefficients, expected 5/)
  })

  it('validates the key generation parameters', () => {
    expect(() => generateThresholdKey({ validators: 3, threshold: 4 })).toThrow(/threshold/)
    expect(() => generateThresholdKey({ validators: 0, threshold: 1 })).toThrow(/validators/)
  })
})
