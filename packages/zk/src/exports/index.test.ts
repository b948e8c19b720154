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
      "ProofGenerationError",
      "ZkError",
      "calculateWitness",
      "checkR1cs",
      "circuitConfigSchema",
      "circuitsConfigSchema",
      "contributePhase2",
      "decodeWitness",
      "encodeWitness",
      "findUnconstrainedWires",
      "loadArtifact",
      "loadCircuitArtifacts",
      "parseR1cs",
      "prove",
      "proveWitness",
      "sha256Hex",
      "terminateProver",
      "toSolidityCalldata",
      "verify",
      "verifyPhase2",
    ]
  `)
  expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
    [
      "buildCircuits",
      "checkCircuitArtifacts",
      "compileCircuit",
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
