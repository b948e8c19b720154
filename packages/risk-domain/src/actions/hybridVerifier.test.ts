import { hybridVerifierAbi } from '@caldera/contracts'
import { domainIdOf, tierPresets } from '@caldera/core'
import { type Devnet, startDevnet } from '@caldera/devnet'
import type { Address, Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMessages, validatorAccounts } from '../../test/fixtures.js'
import { attestationThreshold } from '../attestation/attestationThreshold.js'
import { computeBatchRoot } from '../attestation/computeBatchRoot.js'
import { createAttestationProof } from '../attestation/createAttestationProof.js'
import { signBatchAttestation } from '../attestation/signBatchAttestation.js'
import { deployHybridVerifier } from './deployHybridVerifier.js'
import { setValidatorSet } from './setValidatorSet.js'
import { submitBatch } from './submitBatch.js'

describe('HybridVerifier on anvil (enterprise tier)', () => {
  let devnet: Devnet
  let verifier: Address
  const domainId = domainIdOf('supply-chain')
  const validators = validatorAccounts(100, 'enterprise')
  const threshold = attestationThreshold({
    validators: 100,
    quorumBps: tierPresets.enterprise.attestationQuorumBps,
  })
  const window = tierPresets.enterprise.challengeWindowSeconds
  const chain = () => devnet.chain('destination')
  const batch = (nonce: bigint, amount = 1_000_000n) =>
    makeMessages(8, { source: 'supply-chain', amount }).map((m) => ({ ...m, nonce: m.nonce + nonce * 100n }))

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'destination' }] })
    ;({ address: verifier } = await deployHybridVerifier(chain().walletClient, {
      challengeWindowSeconds: window,
      zkProofAboveAmount: 10n ** 12n,
    }))
    await setValidatorSet(chain().walletClient, {
      verifier,
      domainId,
      validators: validators.map((v) => v.address),
      threshold,
    })
  })
  afterAll(() => devnet.stop())

  const submit = async (
    batchNonce: bigint,
    messages: ReturnType<typeof batch>,
    signers = validators.slice(0, threshold),
  ) => {
    const { proof } = await createAttestationProof({ domainId, batchNonce, messages, signers })
    return submitBatch(chain().walletClient, {
      verifier,
      sourceDomain: domainId,
      batchNonce,
      messages,
      attestations: proof,
    })
  }
  const verify = (batchNonce: bigint, messages: ReturnType<typeof batch>, proof: Hex = '0x') =>
    chain().publicClient.readContract({
      address: verifier,
      abi: hybridVerifierAbi,
      functionName: 'verifyBatch',
      args: [domainId, batchNonce, messages, proof],
    })
  const wait = async (seconds: number) => {
    await chain().testClient.increaseTime({ seconds })
    await chain().testClient.mine({ blocks: 1 })
  }

  it('verifies a batch only after the challenge window', async () => {
    const messages = batch(1n)
    const { executableAt, batchRoot } = await submit(1n, messages)
    expect(batchRoot).toBe(computeBatchRoot({ messages }))
    const block = await chain().publicClient.getBlock()
    expect(executableAt).toBe(Number(block.timestamp) + window)
    await expect(verify(1n, messages)).rejects.toThrow(/ChallengeWindowOpen/)
    await wait(window)
    expect(await verify(1n, messages)).toBe(true)
    await expect(verify(1n, batch(9n))).rejects.toThrow(/RootMismatch/)
    await expect(verify(2n, messages)).rejects.toThrow(/NotSubmitted/)
  })

  it('refuses a submission short of the quorum or resubmitted', async () => {
    await expect(submit(3n, batch(3n), validators.slice(0, threshold - 1))).rejects.toThrow(
      /QuorumNotReached/,
    )
    await expect(submit(1n, batch(1n))).rejects.toThrow(/AlreadySubmitted/)
  })

  it('never verifies a challenged batch (watcher role or conflicting attestation as evidence)', async () => {
    const a = batch(4n)
    await submit(4n, a)
    const { request } = await chain().publicClient.simulateContract({
      account: chain().walletClient.account,
      address: verifier,
      abi: hybridVerifierAbi,
      functionName: 'challenge',
      args: [domainId, 4n],
    })
    await chain().publicClient.waitForTransactionReceipt({
      hash: await chain().walletClient.writeContract(request),
    })

    const b = batch(5n)
    await submit(5n, b)
    const conflicting = await signBatchAttestation({
      account: validators[3]!,
      domainId,
      batchNonce: 5n,
      batchRoot: computeBatchRoot({ messages: batch(6n) }),
    })
    const outsider = await signBatchAttestation({
      account: validatorAccounts(1, 'outsider')[0]!,
      domainId,
      batchNonce: 5n,
      batchRoot: conflicting.batchRoot,
    })
    const stranger = chain().accounts[3]!
    const challengeWith = (signature: Hex) =>
      chain().publicClient.simulateContract({
        account: stranger,
        address: verifier,
        abi: hybridVerifierAbi,
        functionName: 'challengeWithConflict',
        args: [domainId, 5n, conflicting.batchRoot, signature],
      })
    await expect(challengeWith(outsider.signature)).rejects.toThrow(/NoConflict/)
    const { request: evidence } = await challengeWith(conflicting.signature)
    await chain().publicClient.waitForTransactionReceipt({
      hash: await chain().walletClient.writeContract(evidence),
    })

    await wait(window)
    await expect(verify(4n, a)).rejects.toThrow(/BatchWasChallenged/)
    await expect(verify(5n, b)).rejects.toThrow(/BatchWasChallenged/)
  })

  it('requires a ZK proof above the configured value', async () => {
    const big = batch(7n, 10n ** 12n)
    await submit(7n, big)
    await wait(window)
    await expect(verify(7n, big)).rejects.toThrow(/ZkProofRequired/)
  })
})
