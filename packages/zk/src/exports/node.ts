// Node-only helpers of @caldera/zk: building circuits and reading artifacts from disk.
export {
  type BuildCircuitsParameters,
  buildCircuits,
  type CircuitsManifest,
  type ManifestCircuit,
  readCircuitsConfig,
  verifierContractName,
} from '../node/buildCircuits.js'
export {
  type CheckCircuitArtifactsParameters,
  type CircuitArtifactsCheck,
  checkCircuitArtifacts,
} from '../node/checkCircuitArtifacts.js'
export {
  type CompileCircuitParameters,
  type CompileCircuitReturnType,
  compileCircuit,
} from '../node/compileCircuit.js'
export {
  type CompileCircuitSymbolsParameters,
  type CompileCircuitSymbolsReturnType,
  compileCircuitSymbols,
} from '../node/compileCircuitSymbols.js'
export {
  type ReadArtifactFileParameters,
  type ReadCircuitArtifactsParameters,
  readArtifactFile,
  readCircuitArtifacts,
} from '../node/readCircuitArtifacts.js'
export { sha256File } from '../node/sha256File.js'
export { devPtauPath, devPtauSha256, zkPackageDir } from '../node/toolchain.js'
