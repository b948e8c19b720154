import { thresholdAttestationVerifierAbi } from '@caldera/contracts'
import { domainIdOf, tierPresets } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import type { Address, Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMessages } from '../../test/fixtures.js'
import { attestationThreshold } from '../attestation/attestationThreshold.js'
import { generateThresholdKey } from '../threshold/keygen.js'
import { createThresholdAttestation } from '../threshold/sign.js'
import { deployThresholdAttestationVerifier } from './deployThresholdAttestationVerifier.js'
import { setGroupKey } from './setGroupKey.js'
import { verifyBatch } from './verifyBatch.js'

describe('ThresholdAttestationVerifier on anvil (light tier, one FROST signature per batch)', () => {
  let devnet: Devnet
  let verifier: Address
  const domainId = domainIdOf('light-games')
  const validators = tierPresets.light.minValidators
  const threshold = attestationThreshold({ validators, quorumBps: tierPresets.light.attestationQuorumBps })
  // The 50 validators' key generation: 26 of them sign each batch.
  const { groupKey, shares } = generateThresholdKey({ validators, threshold })
  const messages = makeMessages(8)
  const chain = () => devnet.chain('destination')
  const verify = (
    batchNonce: bigint,
    batch: readonly (typeof messages)[number][],
    proof: Hex,
    source = domainId,
  ) =>
    chain().publicClient.readContract({
      address: verifier,
      abi: thresholdAttestationVerifierAbi,
      functionName: 'verifyBatch',
      args: [source, batchNonce, batch, proof],
    })

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'destination' }] })
    ;({ address: verifier } = await deployThresholdAttestationVerifier(chain().walletClient, {}))
    await setGroupKey(chain().walletClient, { verifier, domainId, groupKey })
  })
  afterAll(() => devnet.stop())

  it('verifies a batch signed by 26 of the 50 validators, any 26, in a real transaction', async () => {
    const { proof } = createThresholdAttestation({
      domainId,
      batchNonce: 1n,
      messages,
      groupKey,
      shares: shares.slice(24),
    })
    expect(await verify(1n, messages, proof)).toBe(true)
    const { gasUsed } = await verifyBatch(chain().walletClient, {
      verifier,
      proofSystem: 'simplified',
      sourceDomain: domainId,
      batchNonce: 1n,
      messages,
      proof,
      send: true,
    })
    expect(gasUsed).toBeGreaterThan(0n)
    const stored = await chain().publicClient.readContract({
      address: verifier,
      abi: thresholdAttestationVerifierAbi,
      functionName: 'groupKey',
      args: [domainId],
    })
    expect(stored).toMatchObject({
      x: groupKey.x,
      parity: groupKey.parity,
      epoch: 1n,
      validators: 50,
      threshold: 26,
    })
  })

  it('rejects other messages, another nonce, another key and a tampered signature', async () => {
    const { proof } = createThresholdAttestation({ domainId, batchNonce: 2n, messages, groupKey, shares })
    expect(await verify(2n, messages, proof)).toBe(true)
    const others = messages.map((m, i) => (i === 3 ? { ...m, amount: m.amount + 1n } : m))
    await expect(verify(2n, others, proof)).rejects.toThrow(/InvalidThresholdSignature/)
    await expect(verify(3n, messages, proof)).rejects.toThrow(/InvalidThresholdSignature/)
    const tampered = `${proof.slice(0, -2)}${proof.endsWith('00') ? '01' : '00'}` as Hex
    await expect(verify(2n, messages, tampered)).rejects.toThrow(/InvalidThresholdSignature/)
    // A signature by another validator group (a forger's own key) for the same batch.
    const forger = generateThresholdKey({ validators: 5, threshold: 3 })
    const forged = createThresholdAttestation({
      domainId,
      batchNonce: 2n,
      messages,
      groupKey: forger.groupKey,
      shares: forger.shares.slice(0, 3),
    })
    await expect(verify(2n, messages, forged.proof)).rejects.toThrow(/InvalidThresholdSignature/)
  })

  it('refuses unknown domains, foreign messages, empty batches and malformed signatures', async () => {
    const { proof } = createThresholdAttestation({ domainId, batchNonce: 4n, messages, groupKey, shares })
    const foreign = makeMessages(2, { source: 'unknown-domain' })
    await expect(verify(4n, foreign, proof, domainIdOf('unknown-domain'))).rejects.toThrow(/NoGroupKey/)
    await expect(verify(4n, foreign, proof)).rejects.toThrow(/WrongSourceDomain/)
    await expect(verify(4n, [], proof)).rejects.toThrow(/EmptyBatch/)
    await expect(verify(4n, messages, `${proof}00` as Hex)).rejects.toThrow(/MalformedSignature/)
  })

  it('a new key generation (a new validator set) replaces the key: old signatures stop verifying', async () => {
    const { proof } = createThresholdAttestation({ domainId, batchNonce: 5n, messages, groupKey, shares })
    const next = generateThresholdKey({ validators: 9, threshold: 6 })
    await setGroupKey(chain().walletClient, { verifier, domainId, groupKey: next.groupKey })
    await expect(verify(5n, messages, proof)).rejects.toThrow(/InvalidThresholdSignature/)
    const fresh = createThresholdAttestation({
      domainId,
      batchNonce: 5n,
      messages,
      groupKey: next.groupKey,
      shares: next.shares.slice(0, 6),
    })
    expect(await verify(5n, messages, fresh.proof)).toBe(true)
  })
})
