import { attestationVerifierAbi } from '@caldera/contracts'
import { domainIdOf, tierPresets } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import type { Address, Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMessages, validatorAccounts } from '../../test/fixtures.js'
import { attestationThreshold } from '../attestation/attestationThreshold.js'
import { computeBatchRoot } from '../attestation/computeBatchRoot.js'
import { createAttestationProof } from '../attestation/createAttestationProof.js'
import { encodeAttestationProof } from '../attestation/encodeAttestationProof.js'
import { signBatchAttestation } from '../attestation/signBatchAttestation.js'
import { deployAttestationVerifier } from './deployAttestationVerifier.js'
import { setValidatorSet } from './setValidatorSet.js'

describe('AttestationVerifier on anvil (light tier, k-of-n)', () => {
  let devnet: Devnet
  let verifier: Address
  const domainId = domainIdOf('light-games')
  const validators = validatorAccounts(50)
  const threshold = attestationThreshold({
    validators: 50,
    quorumBps: tierPresets.light.attestationQuorumBps,
  })
  const messages = makeMessages(8)

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'destination' }] })
    const { walletClient } = devnet.chain('destination')
    ;({ address: verifier } = await deployAttestationVerifier(walletClient, {}))
    await setValidatorSet(walletClient, {
      verifier,
      domainId,
      validators: validators.map((v) => v.address),
      threshold,
    })
  })
  afterAll(() => devnet.stop())

  const verify = (batchNonce: bigint, batch: typeof messages, proof: Hex) =>
    devnet.chain('destination').publicClient.readContract({
      address: verifier,
      abi: attestationVerifierAbi,
      functionName: 'verifyBatch',
      args: [domainId, batchNonce, batch, proof],
    })

  it('computes the same batch root as the contract', async () => {
    const onChain = await devnet.chain('destination').publicClient.readContract({
      address: verifier,
      abi: attestationVerifierAbi,
      functionName: 'batchRoot',
      args: [messages],
    })
    expect(onChain).toBe(computeBatchRoot({ messages }))
    expect(threshold).toBe(26)
  })

  it('verifies a batch attested by the threshold of validators', async () => {
    const { proof } = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: validators.slice(0, threshold),
    })
    expect(await verify(1n, messages, proof)).toBe(true)
  })

  it('rejects one attestation short of the quorum', async () => {
    const { proof } = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: validators.slice(0, threshold - 1),
    })
    await expect(verify(1n, messages, proof)).rejects.toThrow(/QuorumNotReached/)
  })

  it('rejects a forged attestation by a key outside the validator set', async () => {
    const outsiders = validatorAccounts(1, 'attacker')
    const { proof } = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: [...validators.slice(0, threshold - 1), ...outsiders],
    })
    await expect(verify(1n, messages, proof)).rejects.toThrow(/NotAValidator/)
  })

  it('rejects attestations of other messages or another nonce, and duplicated signers', async () => {
    const { proof } = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: validators.slice(0, threshold),
    })
    const tampered = messages.map((m, i) => (i === 3 ? { ...m, amount: m.amount + 1n } : m))
    await expect(verify(1n, tampered, proof)).rejects.toThrow(/NotAValidator|SignersNotAscending/)
    await expect(verify(2n, messages, proof)).rejects.toThrow(/NotAValidator|SignersNotAscending/)
    const one = await signBatchAttestation({
      account: validators[0]!,
      domainId,
      batchNonce: 1n,
      batchRoot: computeBatchRoot({ messages }),
    })
    const doubled = `0x${Array.from({ length: threshold }, () => one.signature.slice(2)).join('')}` as Hex
    await expect(verify(1n, messages, doubled)).rejects.toThrow(/SignersNotAscending/)
    expect(() => encodeAttestationProof({ attestations: [one, one] })).toThrow(/attested twice/)
  })

  it('rejects messages of another source domain', async () => {
    const foreign = makeMessages(2, { source: 'other' })
    const { proof } = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages: foreign,
      signers: validators.slice(0, threshold),
    })
    await expect(verify(1n, foreign, proof)).rejects.toThrow(/WrongSourceDomain/)
  })

  it('keeps a sorted copy of each set, rejects bad sets and forgets a replaced one', async () => {
    const { walletClient, publicClient } = devnet.chain('destination')
    const other = domainIdOf('other-light')
    const first = validatorAccounts(5, 'first')
    const second = validatorAccounts(4, 'second')
    await setValidatorSet(walletClient, {
      verifier,
      domainId: other,
      validators: first.map((v) => v.address),
      threshold: 3,
    })
    const list = await publicClient.readContract({
      address: verifier,
      abi: attestationVerifierAbi,
      functionName: 'validatorsOf',
      args: [other],
    })
    expect(list).toEqual(first.map((v) => v.address).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)))
    const messages2 = makeMessages(2, { source: 'other-light' })
    const signedByFirst = await createAttestationProof({
      domainId: other,
      batchNonce: 1n,
      messages: messages2,
      signers: first.slice(0, 3),
    })
    const check = (proof: Hex) =>
      publicClient.readContract({
        address: verifier,
        abi: attestationVerifierAbi,
        functionName: 'verifyBatch',
        args: [other, 1n, messages2, proof],
      })
    expect(await check(signedByFirst.proof)).toBe(true)

    await setValidatorSet(walletClient, {
      verifier,
      domainId: other,
      validators: second.map((v) => v.address),
      threshold: 2,
    })
    await expect(check(signedByFirst.proof)).rejects.toThrow(/NotAValidator/)
    const signedBySecond = await createAttestationProof({
      domainId: other,
      batchNonce: 1n,
      messages: messages2,
      signers: second.slice(1, 3),
    })
    expect(await check(signedBySecond.proof)).toBe(true)
    expect(
      await publicClient.readContract({
        address: verifier,
        abi: attestationVerifierAbi,
        functionName: 'isValidator',
        args: [other, first[0]!.address],
      }),
    ).toBe(false)
    expect(
      await publicClient.readContract({
        address: verifier,
        abi: attestationVerifierAbi,
        functionName: 'validatorSet',
        args: [other],
      }),
    ).toEqual([2n, 4n, 2n])

    const dup = [second[0]!.address, second[1]!.address, second[0]!.address]
    await expect(
      setValidatorSet(walletClient, { verifier, domainId: other, validators: dup, threshold: 2 }),
    ).rejects.toThrow(/DuplicateValidator/)
    await expect(
      setValidatorSet(walletClient, {
        verifier,
        domainId: other,
        validators: [second[0]!.address],
        threshold: 2,
      }),
    ).rejects.toThrow(/threshold/)
    const stranger = devnet.chain('destination').accounts[4]!
    await expect(
      publicClient.simulateContract({
        account: stranger,
        address: verifier,
        abi: attestationVerifierAbi,
        functionName: 'setValidatorSet',
        args: [other, [stranger.address], 1n],
      }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
  })
})
