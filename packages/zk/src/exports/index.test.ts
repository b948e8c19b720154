import { expect, it } from 'vitest'
import * as cli from './cli.js'
import * as mod from './index.js'
import * as node from './node.js'

it('exports the public surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "ArtifactHashMismatchError",
      "ArtifactLoadError",
      "CeremonyError",
      "CircuitBuildError",
      "InvalidWitnessError",
      "ProofGenerationError",
      "UnderconstrainedSignalError",
      "UnknownSignalError",
      "ZkError",
      "assertSignalsDetermined",
      "calculateWitness",
      "checkR1cs",
      "checkWitness",
      "circuitConfigSchema",
      "circuitsConfigSchema",
      "contributePhase2",
      "decodeWitness",
      "encodeWitness",
      "findFreeSignals",
      "findUnconstrainedWires",
      "loadArtifact",
      "loadCircuitArtifacts",
      "mutateWitness",
      "parseR1cs",
      "parseSymbols",
      "prove",
      "proveWitness",
      "publicWires",
      "sha256Hex",
      "terminateProver",
      "toSolidityCalldata",
      "verify",
      "verifyPhase2",
      "wireNames",
      "wireOf",
    ]
  `)
  expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
    [
      "buildCircuits",
      "checkCircuitArtifacts",
      "compileCircuit",
      "compileCircuitSymbols",
      "devPtauPath",
      "devPtauSha256",
      "readArtifactFile",
      "readCircuitArtifacts",
      "readCircuitsConfig",
      "sha256File",
      "verifierContractName",
      "zkPackageDir",
    ]
  `)
  expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
    [
      "zkContributeCommand",
      "zkVerifyCommand",
    ]
  `)
})
