import { type Devnet, startDevnet } from '@caldera/devnet'
import { type CircuitArtifacts, terminateProver } from '@caldera/zk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeMessages, validatorAccounts } from '../../test/fixtures.js'
import { deployTierVerifiers } from '../../test/tiers.js'
import { createAttestationProof } from '../attestation/createAttestationProof.js'
import { BatchRejectedError } from '../errors/verification.js'
import { readBatchCircuitArtifacts } from '../node/readBatchCircuitArtifacts.js'
import { proveBatch } from '../zk/proveBatch.js'
import { submitBatch } from './submitBatch.js'
import { verifyBatch } from './verifyBatch.js'

describe('verifyBatch for the three tiers, as transactions on anvil', () => {
  let devnet: Devnet
  let tiers: Awaited<ReturnType<typeof deployTierVerifiers>>
  let artifacts: CircuitArtifacts
  const cap = 1_000_000_000n
  const chain = () => devnet.chain('destination')
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e as BatchRejectedError,
    )

  beforeAll(async () => {
    devnet = await startDevnet({ chains: [{ name: 'destination' }] })
    artifacts = await readBatchCircuitArtifacts()
    tiers = await deployTierVerifiers(chain(), { cap, zkProofAboveAmount: 10n ** 30n })
  })
  afterAll(async () => {
    await devnet.stop()
    await terminateProver()
  })

  it('light: verifies k-of-n attestations and rejects a forged attestation on chain', async () => {
    const { domainId, validators, threshold, verifier } = tiers.light
    const messages = makeMessages(8, { source: 'light-games' })
    const base = {
      verifier,
      proofSystem: 'simplified',
      sourceDomain: domainId,
      batchNonce: 1n,
      messages,
      send: true,
    } as const
    const good = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: validators.slice(0, threshold),
    })
    const ok = await verifyBatch(chain().walletClient, { ...base, proof: good.proof })
    expect(ok.verified).toBe(true)
    expect(ok.gasUsed).toBeGreaterThan(0n)

    const forger = validatorAccounts(1, 'forger')[0]!
    const forged = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: [...validators.slice(0, threshold - 1), forger],
    })
    const error = await rejection(verifyBatch(chain().walletClient, { ...base, proof: forged.proof }))
    expect(error).toBeInstanceOf(BatchRejectedError)
    expect(error!.reason).toBe('NotAValidator')
    const receipt = await chain().publicClient.getTransactionReceipt({ hash: error!.transactionHash! })
    expect(receipt.status).toBe('reverted')
  })

  it('financial: rejects a proof for other messages and a message over the cap on chain', async () => {
    const { domainId, verifier, signers, signerThreshold } = tiers.financial
    const messages = makeMessages(8, { source: 'payments', amount: 100_000_000n })
    const base = { verifier, proofSystem: 'zk', sourceDomain: domainId, batchNonce: 1n, send: true } as const
    const attest = async (batchNonce: bigint, batch: typeof messages) =>
      (
        await createAttestationProof({
          domainId,
          batchNonce,
          messages: batch,
          signers: signers.slice(0, signerThreshold),
        })
      ).proof
    const { proof, validityProof } = await proveBatch({
      sourceDomain: domainId,
      batchNonce: 1n,
      cap,
      messages,
      artifacts,
      attestations: await attest(1n, messages),
    })
    expect((await verifyBatch(chain().walletClient, { ...base, messages, proof })).verified).toBe(true)
    // The proof without the signers' attestations: well formed, but anyone could have made it.
    const unattested = await rejection(
      verifyBatch(chain().walletClient, { ...base, messages, proof: validityProof }),
    )
    expect(unattested?.reason).toBe('QuorumNotReached')

    const others = messages.map((m) => ({ ...m, recipient: m.sender }))
    const other = await rejection(verifyBatch(chain().walletClient, { ...base, messages: others, proof }))
    expect(other?.reason).toBe('InvalidProof')
    expect((await chain().publicClient.getTransactionReceipt({ hash: other!.transactionHash! })).status).toBe(
      'reverted',
    )

    // A proof made against a laxer cap, for a batch with a message over the domain's cap.
    const over = messages.map((m, i) => (i === 0 ? { ...m, amount: cap + 1n } : m))
    const lax = await proveBatch({
      sourceDomain: domainId,
      batchNonce: 2n,
      cap: cap * 2n,
      messages: over,
      artifacts,
      attestations: await attest(2n, over),
    })
    const capped = await rejection(
      verifyBatch(chain().walletClient, { ...base, batchNonce: 2n, messages: over, proof: lax.proof }),
    )
    expect(capped?.reason).toBe('InvalidProof')
    expect(capped?.message).toMatch(/The zk verifier rejected the batch: InvalidProof/)
  })

  it('enterprise: rejects before the challenge window ends, verifies after it', async () => {
    const { domainId, validators, threshold, verifier, challengeWindowSeconds } = tiers.enterprise
    const messages = makeMessages(8, { source: 'supply-chain' })
    const { proof: attestations } = await createAttestationProof({
      domainId,
      batchNonce: 1n,
      messages,
      signers: validators.slice(0, threshold),
    })
    await submitBatch(chain().walletClient, {
      verifier,
      sourceDomain: domainId,
      batchNonce: 1n,
      messages,
      attestations,
    })
    const base = {
      verifier,
      proofSystem: 'hybrid',
      sourceDomain: domainId,
      batchNonce: 1n,
      messages,
      proof: '0x',
    } as const
    const early = await rejection(verifyBatch(chain().publicClient, base))
    expect(early?.reason).toBe('ChallengeWindowOpen')
    expect(early?.hint).toMatch(/Wait until the challenge window/)
    await chain().testClient.increaseTime({ seconds: challengeWindowSeconds })
    await chain().testClient.mine({ blocks: 1 })
    expect((await verifyBatch(chain().walletClient, { ...base, send: true })).verified).toBe(true)
  })
})
