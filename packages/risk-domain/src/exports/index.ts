// Public surface of @caldera/risk-domain: named exports only.
export {
  type DeployAttestationVerifierParameters,
  type DeployAttestationVerifierReturnType,
  deployAttestationVerifier,
} from '../actions/deployAttestationVerifier.js'
export {
  type SetValidatorSetParameters,
  type SetValidatorSetReturnType,
  setValidatorSet,
} from '../actions/setValidatorSet.js'
export {
  type AttestationDigestParameters,
  attestationDigest,
  attestationTag,
} from '../attestation/attestationDigest.js'
export { attestationThreshold } from '../attestation/attestationThreshold.js'
export {
  type BatchMessage,
  type BatchMessageInput,
  batchMessageSchema,
  batchMessagesAbiParameter,
} from '../attestation/batchMessage.js'
export { type ComputeBatchRootParameters, computeBatchRoot } from '../attestation/computeBatchRoot.js'
export {
  type CreateAttestationProofParameters,
  type CreateAttestationProofReturnType,
  createAttestationProof,
} from '../attestation/createAttestationProof.js'
export {
  type EncodeAttestationProofParameters,
  encodeAttestationProof,
} from '../attestation/encodeAttestationProof.js'
export {
  type BatchAttestation,
  type SignBatchAttestationParameters,
  signBatchAttestation,
} from '../attestation/signBatchAttestation.js'
export {
  type ClassificationReason,
  type ClassifyScenarioReturnType,
  classificationThresholds,
  classifyScenario,
} from '../classify/classifyScenario.js'
export {
  type DataSensitivity,
  dataSensitivities,
  type ScenarioDescriptor,
  type ScenarioDescriptorInput,
  scenarioDescriptorSchema,
} from '../classify/scenarioDescriptor.js'
export {
  type DefineDomainParameters,
  type DefineDomainReturnType,
  defineDomain,
} from '../domain/defineDomain.js'
export { BelowTierMinimumError, type ProfileWeakening } from '../errors/domain.js'
export { AttestationProofError } from '../errors/verification.js'
export { TransactionRevertedError } from '../internal/send.js'
