// Public surface of @caldera/risk-domain: named exports only.
export {
  type ActivateDomainErrorType,
  type ActivateDomainParameters,
  type ActivateDomainReturnType,
  activateDomain,
} from '../actions/activateDomain.js'
export {
  type AssertProfileMetParameters,
  type AssertProfileMetReturnType,
  assertProfileMet,
} from '../actions/assertProfileMet.js'
export { type BondStakeParameters, type BondStakeReturnType, bondStake } from '../actions/bondStake.js'
export {
  type DeployAttestationVerifierParameters,
  type DeployAttestationVerifierReturnType,
  deployAttestationVerifier,
} from '../actions/deployAttestationVerifier.js'
export {
  type DeployHybridVerifierParameters,
  type DeployHybridVerifierReturnType,
  deployHybridVerifier,
} from '../actions/deployHybridVerifier.js'
export {
  type DeployRiskRegistriesParameters,
  type DeployRiskRegistriesReturnType,
  deployRiskRegistries,
} from '../actions/deployRiskRegistries.js'
export {
  type DeployThresholdAttestationVerifierParameters,
  type DeployThresholdAttestationVerifierReturnType,
  deployThresholdAttestationVerifier,
} from '../actions/deployThresholdAttestationVerifier.js'
export {
  type DeployZkBatchVerifierParameters,
  type DeployZkBatchVerifierReturnType,
  deployZkBatchVerifier,
} from '../actions/deployZkBatchVerifier.js'
export { type GetDomainParameters, type GetDomainReturnType, getDomain } from '../actions/getDomain.js'
export {
  type RegisterDomainParameters,
  type RegisterDomainReturnType,
  registerDomain,
} from '../actions/registerDomain.js'
export {
  type RegisterValidatorParameters,
  type RegisterValidatorReturnType,
  registerValidator,
} from '../actions/registerValidator.js'
export {
  type ReportEquivocationParameters,
  type ReportEquivocationReturnType,
  reportEquivocation,
} from '../actions/reportEquivocation.js'
export {
  type SetDomainStatusParameters,
  type SetDomainStatusReturnType,
  setDomainStatus,
} from '../actions/setDomainStatus.js'
export { type SetGroupKeyParameters, setGroupKey } from '../actions/setGroupKey.js'
export {
  type SetMessageCapParameters,
  type SetMessageCapReturnType,
  setMessageCap,
} from '../actions/setMessageCap.js'
export {
  type SetValidatorSetParameters,
  type SetValidatorSetReturnType,
  setValidatorSet,
} from '../actions/setValidatorSet.js'
export {
  type SubmitBatchParameters,
  type SubmitBatchReturnType,
  submitBatch,
} from '../actions/submitBatch.js'
export {
  batchVerifierAbi,
  defaultVerifyGas,
  type VerifyBatchParameters,
  type VerifyBatchReturnType,
  verifyBatch,
} from '../actions/verifyBatch.js'
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
export {
  type DomainStatus,
  domainStatuses,
  fromOnchainProfile,
  type OnchainProfile,
  toOnchainProfile,
} from '../domain/onchainProfile.js'
export {
  BelowTierMinimumError,
  DomainStatusError,
  ProfileNotMetError,
  type ProfileWeakening,
} from '../errors/domain.js'
export { ThresholdSignatureError } from '../errors/threshold.js'
export { AttestationProofError, BatchRejectedError, ZkBatchError } from '../errors/verification.js'
export type { ReadClient, WriteClient } from '../internal/client.js'
export { TransactionRevertedError } from '../internal/send.js'
export { createDealing, type Dealing, generateThresholdKey, verifyDealing } from '../threshold/keygen.js'
export {
  createThresholdAttestation,
  signThreshold,
  type ThresholdSignature,
  verifyThresholdSignature,
} from '../threshold/sign.js'
export type { ThresholdGroupKey, ThresholdKey, ThresholdKeyShare } from '../threshold/types.js'
export {
  type BatchCircuitInput,
  type BatchCircuitInputParameters,
  batchCircuitInput,
  SNARK_SCALAR_FIELD,
  ZK_BATCH_SIZE,
} from '../zk/batchCircuitInput.js'
export { batchCommitmentCircuit } from '../zk/circuits.js'
export {
  encodeZkBatchProof,
  type ProveBatchParameters,
  type ProveBatchReturnType,
  proveBatch,
} from '../zk/proveBatch.js'
