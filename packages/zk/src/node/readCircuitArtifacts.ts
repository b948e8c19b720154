import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadArtifact } from '../artifacts/loadArtifact.js'
import type { CircuitArtifacts, CircuitPin } from '../artifacts/types.js'
import { ArtifactLoadError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'

export type ReadCircuitArtifactsParameters = {
  circuit: CircuitPin
  /** Folder holding `<name>/<name>.wasm` and `<name>/<name>.zkey` (the build's `artifactsDir`). */
  artifactsDir: string
  /** Override single files (e.g. a zkey from a production ceremony with its own pin). */
  paths?: { wasm?: string; zkey?: string }
}

/**
 * Reads a circuit's `.wasm` and `.zkey` from disk (Node only) and checks their pinned SHA-256.
 *
 * @throws ArtifactHashMismatchError when a file differs from the build.
 * @example
 * import { readCircuitArtifacts } from '@caldera/zk/node'
 * const artifacts = await readCircuitArtifacts({ circuit: disclosureCircuit, artifactsDir })
 */
export async function readCircuitArtifacts(
  options: ReadCircuitArtifactsParameters,
): Promise<CircuitArtifacts> {
  check(inputSchemas.readCircuit, options, 'readCircuitArtifacts options')
  const { circuit, artifactsDir, paths = {} } = options
  const wasmPath = paths.wasm ?? join(artifactsDir, circuit.name, `${circuit.name}.wasm`)
  const zkeyPath = paths.zkey ?? join(artifactsDir, circuit.name, `${circuit.name}.zkey`)
  const [wasm, zkey] = await Promise.all([
    readArtifactFile({ path: wasmPath, sha256: circuit.wasmSha256, artifact: `${circuit.name}.wasm` }),
    readArtifactFile({ path: zkeyPath, sha256: circuit.zkeySha256, artifact: `${circuit.name}.zkey` }),
  ])
  return { circuit, wasm, zkey }
}

export type ReadArtifactFileParameters = { path: string; sha256: string; artifact?: string }

/**
 * Reads one artifact file and checks its SHA-256 (Node only).
 *
 * @example
 * import { readArtifactFile } from '@caldera/zk/node'
 * const bytes = await readArtifactFile({ path: 'artifacts/x/x.zkey', sha256 })
 */
export async function readArtifactFile(options: ReadArtifactFileParameters) {
  check(inputSchemas.readFile, options, 'readArtifactFile options')
  const { path, sha256, artifact = path } = options
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(path))
  } catch (cause) {
    throw new ArtifactLoadError({ artifact, source: path }, { cause })
  }
  return loadArtifact({ artifact, source: bytes, sha256 })
}
