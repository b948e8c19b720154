import { hybridVerifierAbi, zkBatchVerifierAbi } from '@caldera/contracts'
import { domainIdOf } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import { type CircuitArtifacts, ProofGenerationError, prove, terminateProver } from '@caldera/zk'
import { type Address, concat, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMessages, validatorAccounts } from '../../test/fixtures.js'
import type { BatchMessage } from '../attestation/batchMessage.js'
import { createAttestationProof } from '../attestation/createAttestationProof.js'
import { ZkBatchError } from '../errors/verification.js'
import { readBatchCircuitArtifacts } from '../node/readBatchCircuitArtifacts.js'
import { batchCircuitInput } from '../zk/batchCircuitInput.js'
import { proveBatch } from '../zk/proveBatch.js'
import { deployHybridVerifier } from './deployHybridVerifier.js'
import { deployZkBatchVerifier } from './deployZkBatchVerifier.js'
import { setMessageCap } from './setMessageCap.js'
import { setValidatorSet } from './setValidatorSet.js'
import { submitBatch } from './submitBatch.js'

describe('ZkBatchVerifier on anvil (financial tier, Groth16 + batch signers)', () => {
  let devnet: Devnet
  let verifier: Address
  let artifacts: CircuitArtifacts
  const sourceDomain = domainIdOf('payments')
  const cap = 50_000_000n
  const messages = makeMessages(5, { source: 'payments', amount: 10_000_000n }) // 10, 20, …, 50 (≤ cap)
  // The domain's batch signers, registered in the ZkBatchVerifier: 5 of 7 attest each batch.
  const signers = validatorAccounts(7, 'payments-signers')
  const attest = async (batchNonce: bigint, batch: readonly BatchMessage[], by = signers.slice(0, 5)) =>
    (await createAttestationProof({ domainId: sourceDomain, batchNonce, messages: batch, signers: by })).proof
  const chain = () => devnet.chain('destination')
  const verify = (batchNonce: bigint, batch: readonly BatchMessage[], proof: Hex, address = verifier) =>
    chain().publicClient.readContract({
      address,
      abi: zkBatchVerifierAbi,
      functionName: 'verifyBatch',
      args: [sourceDomain, batchNonce, batch, proof],
    })

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'destination' }] })
    artifacts = await readBatchCircuitArtifacts()
    ;({ address: verifier } = await deployZkBatchVerifier(chain().walletClient, {}))
    await setMessageCap(chain().walletClient, { verifier, domainId: sourceDomain, cap })
    await setValidatorSet(chain().walletClient, {
      verifier,
      domainId: sourceDomain,
      validators: signers.map((v) => v.address),
      threshold: 5,
    })
  })
  afterAll(async () => {
    await devnet.stop()
    await terminateProver()
  })

  it('verifies a proof of a padded batch on chain, with the signals the contract packs', async () => {
    const { proof, publicSignals } = await proveBatch({
      sourceDomain,
      batchNonce: 1n,
      cap,
      messages,
      artifacts,
      attestations: await attest(1n, messages),
    })
    const onChain = await chain().publicClient.readContract({
      address: verifier,
      abi: zkBatchVerifierAbi,
      functionName: 'publicSignals',
      args: [sourceDomain, 1n, messages, publicSignals[0]!],
    })
    expect([...onChain]).toEqual(publicSignals)
    expect(await verify(1n, messages, proof)).toBe(true)
    await expect(verify(2n, messages, proof)).rejects.toThrow(/InvalidProof/)
  })

  it('rejects a valid proof that the domain did not attest (anyone can make a proof)', async () => {
    const { proof, validityProof } = await proveBatch({
      sourceDomain,
      batchNonce: 5n,
      cap,
      messages,
      artifacts,
      attestations: await attest(5n, messages),
    })
    expect(await verify(5n, messages, proof)).toBe(true)
    // The Groth16 proof alone is well formed but carries no authority.
    await expect(verify(5n, messages, validityProof)).rejects.toThrow(/QuorumNotReached/)
    expect(
      await chain().publicClient.readContract({
        address: verifier,
        abi: zkBatchVerifierAbi,
        functionName: 'verifyValidity',
        args: [sourceDomain, 5n, messages, validityProof],
      }),
    ).toBe(true)
    // Too few signers, an outsider among them, or attestations of another batch nonce.
    await expect(
      verify(5n, messages, concat([validityProof, await attest(5n, messages, signers.slice(0, 4))])),
    ).rejects.toThrow(/QuorumNotReached/)
    const outsider = validatorAccounts(1, 'not-a-payments-signer')[0]!
    await expect(
      verify(
        5n,
        messages,
        concat([validityProof, await attest(5n, messages, [...signers.slice(0, 4), outsider])]),
      ),
    ).rejects.toThrow(/NotAValidator|SignersNotAscending/)
    await expect(verify(5n, messages, concat([validityProof, await attest(6n, messages)]))).rejects.toThrow(
      /NotAValidator|SignersNotAscending/,
    )
  })

  it('rejects a proof made for other messages', async () => {
    const other = makeMessages(5, { source: 'payments', amount: 9_000_000n })
    const { proof } = await proveBatch({
      sourceDomain,
      batchNonce: 3n,
      cap,
      messages: other,
      artifacts,
      attestations: await attest(3n, other),
    })
    expect(await verify(3n, other, proof)).toBe(true)
    await expect(verify(3n, messages, proof)).rejects.toThrow(/InvalidProof/)
    await expect(verify(3n, other.slice(0, 4), proof)).rejects.toThrow(/InvalidProof/)
  })

  it('rejects a message over the cap: no proof can be made, and none made for a higher cap passes', async () => {
    const over = messages.map((m, i) => (i === 2 ? { ...m, amount: cap + 1n } : m))
    await expect(
      proveBatch({ sourceDomain, batchNonce: 4n, cap, messages: over, artifacts }),
    ).rejects.toThrow(ZkBatchError)
    // The circuit itself refuses the witness (the TS check bypassed).
    await expect(
      prove({
        artifacts,
        input: { ...batchCircuitInput({ sourceDomain, batchNonce: 4n, cap: cap + 1n, messages: over }), cap },
      }),
    ).rejects.toThrow(ProofGenerationError)
    // A proof made against a higher cap than the domain's does not verify on chain.
    const { proof } = await proveBatch({
      sourceDomain,
      batchNonce: 4n,
      cap: cap + 1n,
      messages: over,
      artifacts,
      attestations: await attest(4n, over),
    })
    await expect(verify(4n, over, proof)).rejects.toThrow(/InvalidProof/)
  })

  it('refuses oversized, empty and foreign batches before the pairing check', async () => {
    const { proof } = await proveBatch({ sourceDomain, batchNonce: 1n, cap, messages, artifacts })
    await expect(verify(1n, makeMessages(9, { source: 'payments' }), proof)).rejects.toThrow(/BatchTooLarge/)
    await expect(verify(1n, [], proof)).rejects.toThrow(/EmptyBatch/)
    await expect(verify(1n, makeMessages(2, { source: 'other' }), proof)).rejects.toThrow(/WrongSourceDomain/)
    await expect(verify(1n, messages, '0x1234')).rejects.toThrow(/MalformedProof/)
  })

  it('lets an enterprise HybridVerifier require this proof above its ZK threshold', async () => {
    const { walletClient, testClient } = chain()
    const enterprise = validatorAccounts(5, 'zk-hybrid')
    const { address: hybrid } = await deployHybridVerifier(walletClient, {
      challengeWindowSeconds: 60,
      zkProofAboveAmount: 100_000_000n,
      zkVerifier: verifier,
    })
    await setValidatorSet(walletClient, {
      verifier: hybrid,
      domainId: sourceDomain,
      validators: enterprise.map((v) => v.address),
      threshold: 4,
    })
    const { proof: attestations } = await createAttestationProof({
      domainId: sourceDomain,
      batchNonce: 1n,
      messages,
      signers: enterprise.slice(0, 4),
    })
    await submitBatch(walletClient, {
      verifier: hybrid,
      sourceDomain,
      batchNonce: 1n,
      messages,
      attestations,
    })
    await testClient.increaseTime({ seconds: 61 })
    await testClient.mine({ blocks: 1 })
    const call = (proof: Hex) =>
      chain().publicClient.readContract({
        address: hybrid,
        // The ZK verifier's errors bubble up through the hybrid verifier.
        abi: [...hybridVerifierAbi, ...zkBatchVerifierAbi.filter((item) => item.type === 'error')],
        functionName: 'verifyBatch',
        args: [sourceDomain, 1n, messages, proof],
      })
    await expect(call('0x')).rejects.toThrow(/ZkProofRequired/) // 150 > 100 (token units ×10^6)
    const { proof: wrong } = await proveBatch({ sourceDomain, batchNonce: 2n, cap, messages, artifacts })
    await expect(call(wrong)).rejects.toThrow(/InvalidProof/)
    // The hybrid verifier authenticated the batch with its quorum: it checks the proof alone.
    const { proof } = await proveBatch({ sourceDomain, batchNonce: 1n, cap, messages, artifacts })
    expect(await call(proof)).toBe(true)
  })
})
