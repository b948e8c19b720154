import { domainIdOf, tierPresets } from '@caldera/core'
import type { DevnetChain } from '@caldera/devnet'
import type { Address } from 'viem'
import { deployAttestationVerifier } from '../src/actions/deployAttestationVerifier.js'
import { deployHybridVerifier } from '../src/actions/deployHybridVerifier.js'
import { deployZkBatchVerifier } from '../src/actions/deployZkBatchVerifier.js'
import { setMessageCap } from '../src/actions/setMessageCap.js'
import { setValidatorSet } from '../src/actions/setValidatorSet.js'
import { attestationThreshold } from '../src/attestation/attestationThreshold.js'
import { validatorAccounts } from './fixtures.js'

/** Source domains of the three tiers and the destination-chain verifiers for them. */
export async function deployTierVerifiers(
  chain: DevnetChain,
  options: { cap: bigint; zkProofAboveAmount: bigint },
) {
  const { walletClient } = chain
  const light = {
    domainId: domainIdOf('light-games'),
    validators: validatorAccounts(tierPresets.light.minValidators, 'light'),
    threshold: attestationThreshold({
      validators: tierPresets.light.minValidators,
      quorumBps: tierPresets.light.attestationQuorumBps,
    }),
  }
  const enterprise = {
    domainId: domainIdOf('supply-chain'),
    validators: validatorAccounts(tierPresets.enterprise.minValidators, 'enterprise'),
    threshold: attestationThreshold({
      validators: tierPresets.enterprise.minValidators,
      quorumBps: tierPresets.enterprise.attestationQuorumBps,
    }),
    challengeWindowSeconds: tierPresets.enterprise.challengeWindowSeconds,
  }
  // The financial domain's batch signers: a committee of 16 of its validators, 11 (two thirds)
  // attesting each batch next to its Groth16 proof.
  const financial = {
    domainId: domainIdOf('payments'),
    cap: options.cap,
    signers: validatorAccounts(16, 'financial'),
    signerThreshold: 11,
  }

  const { address: attestation } = await deployAttestationVerifier(walletClient, {})
  await setValidatorSet(walletClient, {
    verifier: attestation,
    domainId: light.domainId,
    validators: light.validators.map((v) => v.address),
    threshold: light.threshold,
  })
  const { address: zk } = await deployZkBatchVerifier(walletClient, {})
  await setMessageCap(walletClient, { verifier: zk, domainId: financial.domainId, cap: financial.cap })
  await setValidatorSet(walletClient, {
    verifier: zk,
    domainId: financial.domainId,
    validators: financial.signers.map((v) => v.address),
    threshold: financial.signerThreshold,
  })
  const { address: hybrid } = await deployHybridVerifier(walletClient, {
    challengeWindowSeconds: enterprise.challengeWindowSeconds,
    zkProofAboveAmount: options.zkProofAboveAmount,
    zkVerifier: zk,
  })
  await setValidatorSet(walletClient, {
    verifier: hybrid,
    domainId: enterprise.domainId,
    validators: enterprise.validators.map((v) => v.address),
    threshold: enterprise.threshold,
  })
  // The enterprise domain's batches above the threshold need proofs against its own cap.
  await setMessageCap(walletClient, { verifier: zk, domainId: enterprise.domainId, cap: financial.cap })
  return {
    light: { ...light, verifier: attestation as Address },
    enterprise: { ...enterprise, verifier: hybrid as Address },
    financial: { ...financial, verifier: zk as Address },
  }
}
