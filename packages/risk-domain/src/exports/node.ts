// Node-only helpers of @caldera/risk-domain (they read the circuit artifacts from disk).
export {
  packageArtifactsDir,
  type ReadBatchCircuitArtifactsParameters,
  readBatchCircuitArtifacts,
} from '../node/readBatchCircuitArtifacts.js'
