import { expect, it } from 'vitest'
import * as mod from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "AttestationProofError",
      "BelowTierMinimumError",
      "DomainStatusError",
      "ProfileNotMetError",
      "TransactionRevertedError",
      "activateDomain",
      "assertProfileMet",
      "attestationDigest",
      "attestationTag",
      "attestationThreshold",
      "batchMessageSchema",
      "batchMessagesAbiParameter",
      "bondStake",
      "classificationThresholds",
      "classifyScenario",
      "computeBatchRoot",
      "createAttestationProof",
      "dataSensitivities",
      "defineDomain",
      "deployAttestationVerifier",
      "deployHybridVerifier",
      "deployRiskRegistries",
      "domainStatuses",
      "encodeAttestationProof",
      "fromOnchainProfile",
      "getDomain",
      "registerDomain",
      "registerValidator",
      "reportEquivocation",
      "scenarioDescriptorSchema",
      "setValidatorSet",
      "signBatchAttestation",
      "submitBatch",
      "toOnchainProfile",
    ]
  `)
})
