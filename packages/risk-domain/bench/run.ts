/**
 * On-chain gas per verified cross-domain message for each tier, measured from real transactions
 * on a local anvil chain, each tier at the full batch the relayer sends it: the financial tier's
 * Groth16 circuit carries at most 8 messages (ZK_BATCH_SIZE), so financial and enterprise (whose
 * batches above the ZK threshold need the same circuit) are measured at 8; light batches are only
 * bounded by the relayer's `batchSize` (default 20 in @caldera/circuit-breaker's createRelayer),
 * so the light tier is measured at 20 — and also at 8 (equal batches) and 64, reported beside it,
 * as is the light tier at 8 under one FROST threshold signature (ThresholdAttestationVerifier).
 * Verifiers: AttestationVerifier (light, 26 of 50 attestations), HybridVerifier (enterprise, 67 of
 * 100 attestations: submit + verify after the window), ZkBatchVerifier (financial, Groth16 proof
 * plus 11 of its 16 batch signers' attestations).
 *
 * Run: pnpm bench
 */
import { fileURLToPath } from 'node:url'
import { type BenchMetric, summarize, writeResults } from '@caldera/bench-utils'
import { startDevnet } from '@caldera/devnet'
import { terminateProver } from '@caldera/zk'
import { deployThresholdAttestationVerifier } from '../src/actions/deployThresholdAttestationVerifier.js'
import { setGroupKey } from '../src/actions/setGroupKey.js'
import { submitBatch } from '../src/actions/submitBatch.js'
import { verifyBatch } from '../src/actions/verifyBatch.js'
import { createAttestationProof } from '../src/attestation/createAttestationProof.js'
import { readBatchCircuitArtifacts } from '../src/node/readBatchCircuitArtifacts.js'
import { generateThresholdKey } from '../src/threshold/keygen.js'
import { createThresholdAttestation } from '../src/threshold/sign.js'
import { proveBatch } from '../src/zk/proveBatch.js'
import { makeMessages } from '../test/fixtures.js'
import { deployTierVerifiers } from '../test/tiers.js'

const BATCH = 8
/** createRelayer's default `batchSize` (@caldera/circuit-breaker): a full light batch. */
const LIGHT_BATCH = 20
const ROUNDS = 5
const cap = 10n ** 12n
const zkProofAboveAmount = 10n ** 11n

const devnet = await startDevnet({ chains: [{ name: 'destination' }] })
try {
  const chain = devnet.chain('destination')
  const { walletClient, publicClient, testClient } = chain
  const tiers = await deployTierVerifiers(chain, { cap, zkProofAboveAmount })
  const artifacts = await readBatchCircuitArtifacts()
  const gasOf = async (hash: `0x${string}`) => (await publicClient.getTransactionReceipt({ hash })).gasUsed
  const batchOf = (source: string, round: number, amount = 1_000_000n) =>
    makeMessages(BATCH, { source, amount }).map((m) => ({ ...m, nonce: m.nonce + BigInt(round * 100) }))

  // The light domain's validators also hold a threshold key (FROST): one signature per batch.
  const thresholdKey = generateThresholdKey({
    validators: tiers.light.validators.length,
    threshold: tiers.light.threshold,
  })
  const { address: thresholdVerifier } = await deployThresholdAttestationVerifier(walletClient, {})
  await setGroupKey(walletClient, {
    verifier: thresholdVerifier,
    domainId: tiers.light.domainId,
    groupKey: thresholdKey.groupKey,
  })
  const light: number[] = []
  const light8: number[] = []
  const lightThreshold8: number[] = []
  const light64: number[] = []
  const financial: number[] = []
  const enterprise: number[] = []
  const enterpriseZk: number[] = []
  const proveMs: number[] = []

  for (let round = 1; round <= ROUNDS; round++) {
    const batchNonce = BigInt(round)
    // light: one transaction carrying the attestations
    {
      const { domainId, validators, threshold, verifier } = tiers.light
      const attestAndVerify = async (size: number, nonce: bigint) => {
        const messages = makeMessages(size, { source: 'light-games' }).map((m) => ({
          ...m,
          nonce: m.nonce + nonce * 1_000n,
        }))
        const { proof } = await createAttestationProof({
          domainId,
          batchNonce: nonce,
          messages,
          signers: validators.slice(0, threshold),
        })
        const { gasUsed } = await verifyBatch(walletClient, {
          verifier,
          proofSystem: 'simplified',
          sourceDomain: domainId,
          batchNonce: nonce,
          messages,
          proof,
          send: true,
        })
        return Number(gasUsed) / size
      }
      light.push(await attestAndVerify(LIGHT_BATCH, batchNonce))
      light8.push(await attestAndVerify(BATCH, batchNonce + 20_000n))
      light64.push(await attestAndVerify(64, batchNonce + 10_000n))
      // The same 8-message batch under one threshold signature of 26 of the 50 validators.
      {
        const nonce = batchNonce + 30_000n
        const messages = makeMessages(BATCH, { source: 'light-games' }).map((m) => ({
          ...m,
          nonce: m.nonce + nonce * 1_000n,
        }))
        const { proof } = createThresholdAttestation({
          domainId,
          batchNonce: nonce,
          messages,
          groupKey: thresholdKey.groupKey,
          shares: thresholdKey.shares.slice(0, threshold),
        })
        const { gasUsed } = await verifyBatch(walletClient, {
          verifier: thresholdVerifier,
          proofSystem: 'simplified',
          sourceDomain: domainId,
          batchNonce: nonce,
          messages,
          proof,
          send: true,
        })
        lightThreshold8.push(Number(gasUsed) / BATCH)
      }
    }
    // financial: one transaction carrying the Groth16 proof and the batch signers' attestations
    {
      const { domainId, verifier, signers, signerThreshold } = tiers.financial
      const messages = batchOf('payments', round)
      const { proof: attestations } = await createAttestationProof({
        domainId,
        batchNonce,
        messages,
        signers: signers.slice(0, signerThreshold),
      })
      const started = performance.now()
      const { proof } = await proveBatch({
        sourceDomain: domainId,
        batchNonce,
        cap,
        messages,
        artifacts,
        attestations,
      })
      proveMs.push(performance.now() - started)
      const { gasUsed } = await verifyBatch(walletClient, {
        verifier,
        proofSystem: 'zk',
        sourceDomain: domainId,
        batchNonce,
        messages,
        proof,
        send: true,
      })
      financial.push(Number(gasUsed))
    }
    // enterprise: submit with the quorum, wait out the window, verify (below and above the ZK threshold)
    {
      const { domainId, validators, threshold, verifier, challengeWindowSeconds } = tiers.enterprise
      const small = batchOf('supply-chain', round)
      const big = batchOf('supply-chain', round + 1_000, zkProofAboveAmount / 8n)
      const bigNonce = batchNonce + 1_000n
      const submit = async (nonce: bigint, messages: typeof small) => {
        const { proof: attestations } = await createAttestationProof({
          domainId,
          batchNonce: nonce,
          messages,
          signers: validators.slice(0, threshold),
        })
        const { hash } = await submitBatch(walletClient, {
          verifier,
          sourceDomain: domainId,
          batchNonce: nonce,
          messages,
          attestations,
        })
        return gasOf(hash)
      }
      const submitSmall = await submit(batchNonce, small)
      const submitBig = await submit(bigNonce, big)
      await testClient.increaseTime({ seconds: challengeWindowSeconds })
      await testClient.mine({ blocks: 1 })
      const verifySmall = await verifyBatch(walletClient, {
        verifier,
        proofSystem: 'hybrid',
        sourceDomain: domainId,
        batchNonce,
        messages: small,
        proof: '0x',
        send: true,
      })
      enterprise.push(Number(submitSmall + verifySmall.gasUsed!))
      const { proof } = await proveBatch({
        sourceDomain: domainId,
        batchNonce: bigNonce,
        cap,
        messages: big,
        artifacts,
      })
      const verifyBig = await verifyBatch(walletClient, {
        verifier,
        proofSystem: 'hybrid',
        sourceDomain: domainId,
        batchNonce: bigNonce,
        messages: big,
        proof,
        send: true,
      })
      enterpriseZk.push(Number(submitBig + verifyBig.gasUsed!))
    }
  }

  const perMessage = (values: number[]) => Math.round(summarize(values).p50 / BATCH)
  const median = (values: number[]) => Math.round(summarize(values).p50)
  const gas = (value: number): BenchMetric => ({ value, unit: 'gas', better: 'lower' })
  const ratio = (value: number, target?: number): BenchMetric => ({
    value: Number(value.toFixed(4)),
    unit: 'ratio',
    ...(target === undefined ? {} : { target }),
    better: 'lower',
  })
  const lightPer = median(light)
  const financialPer = perMessage(financial)
  const metrics: Record<string, BenchMetric> = {
    gas_per_message_financial: gas(financialPer),
    gas_per_message_enterprise: gas(perMessage(enterprise)),
    gas_per_message_light: gas(lightPer),
    light_to_financial_cost_ratio: ratio(lightPer / financialPer, 0.25),
    batch_size_financial: { value: BATCH, unit: 'messages', better: 'higher' },
    batch_size_light: { value: LIGHT_BATCH, unit: 'messages', better: 'higher' },
    gas_per_message_enterprise_above_zk_threshold: gas(perMessage(enterpriseZk)),
    gas_per_batch_financial_p50: gas(summarize(financial).p50),
    gas_per_message_light_batch8: gas(median(light8)),
    light_to_financial_cost_ratio_equal_batches: ratio(median(light8) / financialPer),
    gas_per_message_light_threshold_batch8: gas(median(lightThreshold8)),
    light_threshold_to_financial_cost_ratio_equal_batches: ratio(median(lightThreshold8) / financialPer),
    gas_per_message_light_batch64: gas(median(light64)),
    light_batch64_to_financial_cost_ratio: ratio(median(light64) / financialPer),
    financial_proof_time_p50_ms: { value: Math.round(summarize(proveMs).p50), unit: 'ms', better: 'lower' },
  }
  console.log(
    `per message (median of ${ROUNDS}): light ${lightPer} gas at ${LIGHT_BATCH} per batch (${median(light8)} at ${BATCH}, ${median(light64)} at 64; one threshold signature: ${median(lightThreshold8)} at ${BATCH}), enterprise ${perMessage(enterprise)} at ${BATCH}, financial ${financialPer} at ${BATCH}`,
  )
  writeResults(fileURLToPath(new URL('..', import.meta.url)), '@caldera/risk-domain', metrics)
} finally {
  await devnet.stop()
  await terminateProver()
}
