// Public surface of @caldera/zk (browser-safe: no Node-only imports). Node helpers: '@caldera/zk/node'.

export { type ProveParameters, type ProveReturnType, prove } from '../actions/prove.js'
export { terminateProver } from '../actions/terminateProver.js'
export {
  type SolidityProof,
  type ToSolidityCalldataParameters,
  toSolidityCalldata,
} from '../actions/toSolidityCalldata.js'
export { type VerifyParameters, verify } from '../actions/verify.js'
export { type LoadArtifactParameters, loadArtifact } from '../artifacts/loadArtifact.js'
export {
  type LoadCircuitArtifactsParameters,
  loadCircuitArtifacts,
} from '../artifacts/loadCircuitArtifacts.js'
export { sha256Hex } from '../artifacts/sha256.js'
export type {
  ArtifactSource,
  CircuitArtifacts,
  CircuitInput,
  CircuitInputValue,
  CircuitPin,
  Groth16Proof,
  VerificationKey,
} from '../artifacts/types.js'
export {
  type ContributePhase2Parameters,
  contributePhase2,
  type VerifyPhase2Parameters,
  verifyPhase2,
} from '../ceremony/phase2.js'
export {
  type CircuitConfig,
  type CircuitsConfig,
  type CircuitsConfigInput,
  circuitConfigSchema,
  circuitsConfigSchema,
} from '../config/circuitsConfig.js'
export { InvalidWitnessError, UnderconstrainedSignalError, UnknownSignalError } from '../errors/soundness.js'
export {
  ArtifactHashMismatchError,
  ArtifactLoadError,
  CeremonyError,
  CircuitBuildError,
  ProofGenerationError,
  ZkError,
} from '../errors/zk.js'
export {
  type AssertSignalsDeterminedParameters,
  assertSignalsDetermined,
} from '../soundness/assertSignalsDetermined.js'
export {
  type CalculateWitnessUncheckedParameters,
  type CalculateWitnessUncheckedReturnType,
  calculateWitnessUnchecked,
} from '../soundness/calculateWitnessUnchecked.js'
export { type CheckWitnessParameters, checkWitness } from '../soundness/checkWitness.js'
export {
  type FindFreeSignalsParameters,
  type FreeSignal,
  findFreeSignals,
} from '../soundness/findFreeSignals.js'
export { type MutateWitnessParameters, mutateWitness } from '../soundness/mutateWitness.js'
export {
  type CircuitSymbol,
  parseSymbols,
  publicWires,
  type WireOfParameters,
  wireNames,
  wireOf,
} from '../soundness/symbols.js'
export {
  checkR1cs,
  findUnconstrainedWires,
  type LinearCombination,
  parseR1cs,
  type R1cs,
} from '../witness/r1cs.js'
export { calculateWitness, decodeWitness, encodeWitness, proveWitness } from '../witness/witness.js'
