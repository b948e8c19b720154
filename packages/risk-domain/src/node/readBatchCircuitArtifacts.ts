import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from '@caldera/core'
import type { CircuitArtifacts } from '@caldera/zk'
import { readCircuitArtifacts } from '@caldera/zk/node'
import { z } from 'zod'
import { batchCommitmentCircuit } from '../zk/circuits.js'

const parametersSchema = z.object({ artifactsDir: z.string().min(1).optional() })

export type ReadBatchCircuitArtifactsParameters = {
  /** Folder holding `batchCommitment/` (default: the artifacts shipped with this package). */
  artifactsDir?: string
}

/**
 * Reads the financial-tier `batchCommitment` circuit's `.wasm` and `.zkey` from disk (Node only)
 * and checks their pinned SHA-256.
 *
 * @example
 * import { readBatchCircuitArtifacts } from '@caldera/risk-domain/node'
 * const artifacts = await readBatchCircuitArtifacts()
 */
export async function readBatchCircuitArtifacts(
  parameters: ReadBatchCircuitArtifactsParameters = {},
): Promise<CircuitArtifacts> {
  parse(parametersSchema, parameters, 'readBatchCircuitArtifacts parameters')
  return readCircuitArtifacts({
    circuit: batchCommitmentCircuit,
    artifactsDir: parameters.artifactsDir ?? packageArtifactsDir(),
  })
}

/**
 * The package's `artifacts/` folder (found from `src/node/` or from `dist/`).
 *
 * @example
 * import { packageArtifactsDir } from '@caldera/risk-domain/node'
 * console.log(packageArtifactsDir()) // …/node_modules/@caldera/risk-domain/artifacts
 */
export function packageArtifactsDir(): string {
  for (const relative of ['../artifacts', '../../artifacts']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(`${dir}/manifest.json`)) return dir
  }
  throw new Error('The @caldera/risk-domain artifacts folder was not found next to the package.')
}
