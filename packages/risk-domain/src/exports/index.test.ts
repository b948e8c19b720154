import { expect, it } from 'vitest'
import * as mod from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "AttestationProofError",
      "BelowTierMinimumError",
      "TransactionRevertedError",
      "attestationDigest",
      "attestationTag",
      "attestationThreshold",
      "batchMessageSchema",
      "batchMessagesAbiParameter",
      "classificationThresholds",
      "classifyScenario",
      "computeBatchRoot",
      "createAttestationProof",
      "dataSensitivities",
      "defineDomain",
      "deployAttestationVerifier",
      "encodeAttestationProof",
      "scenarioDescriptorSchema",
      "setValidatorSet",
      "signBatchAttestation",
    ]
  `)
})
