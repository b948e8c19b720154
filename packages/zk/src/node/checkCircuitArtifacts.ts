import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { verifyPhase2 } from '../ceremony/phase2.js'
import { CircuitBuildError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { CircuitsManifest } from './buildCircuits.js'
import { readCircuitsConfig } from './buildCircuits.js'
import { compileCircuit } from './compileCircuit.js'
import { sha256File } from './sha256File.js'
import { devPtauPath } from './toolchain.js'

export type CheckCircuitArtifactsParameters = {
  packageDir: string
  config?: string
  /** Also verify each zkey against the recompiled r1cs and the powers of tau (slower). Default true. */
  verifyZkey?: boolean
  /** Check only these circuits (by name); default all. */
  only?: readonly string[]
}

export type CircuitArtifactsCheck = {
  name: string
  /** The committed files have the SHA-256 recorded in the manifest. */
  filesMatchManifest: boolean
  /** The circuit source is the one the artifacts were built from. */
  sourceMatches: boolean
  /** Recompiling the circuit gives the committed r1cs. */
  r1csMatches: boolean
  /** Recompiling the circuit gives the committed witness generator. */
  wasmMatches: boolean
  /** The zkey derives from the r1cs and powers of tau (undefined when not checked). */
  zkeyValid: boolean | undefined
  ok: boolean
}

/**
 * Checks that a package's committed artifacts match its circuits: file hashes against the
 * manifest, a fresh compile against the committed r1cs and wasm, and the zkey against r1cs + powers of tau
 * (snarkjs `zkey verify`). No setup is run. Meant for a package's test suite.
 *
 * @example
 * import { checkCircuitArtifacts } from '@caldera/zk/node'
 * const checks = await checkCircuitArtifacts({ packageDir })
 * expect(checks.every((c) => c.ok)).toBe(true)
 */
export async function checkCircuitArtifacts(
  options: CheckCircuitArtifactsParameters,
): Promise<CircuitArtifactsCheck[]> {
  check(inputSchemas.checkArtifacts, options, 'checkCircuitArtifacts options')
  const { packageDir, config, verifyZkey = true, only } = options
  const pkg = realpathSync(resolve(packageDir))
  const cfg = readCircuitsConfig(pkg, config)
  const manifestPath = join(pkg, cfg.artifactsDir, 'manifest.json')
  if (!existsSync(manifestPath))
    throw new CircuitBuildError(`No manifest at ${manifestPath}; build the circuits.`)
  const manifest: CircuitsManifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const ptau = cfg.ptau ? resolve(pkg, cfg.ptau) : devPtauPath()
  const checks: CircuitArtifactsCheck[] = []
  for (const circuit of cfg.circuits.filter((c) => !only || only.includes(c.name))) {
    const entry = manifest.circuits[circuit.name]
    if (!entry) {
      checks.push({
        name: circuit.name,
        filesMatchManifest: false,
        sourceMatches: false,
        r1csMatches: false,
        wasmMatches: false,
        zkeyValid: undefined,
        ok: false,
      })
      continue
    }
    const filesMatchManifest = (['wasm', 'zkey', 'r1cs', 'verificationKey'] as const).every(
      (kind) =>
        existsSync(join(pkg, entry.files[kind])) &&
        sha256File(join(pkg, entry.files[kind])) === entry.sha256[kind],
    )
    const sourceMatches = sha256File(join(pkg, circuit.file)) === entry.sha256.source
    const outDir = mkdtempSync(join(tmpdir(), `caldera-zk-${circuit.name}-`))
    try {
      const compiled = await compileCircuit({ packageDir: pkg, circuit, outDir })
      const r1csMatches = sha256File(compiled.r1csPath) === entry.sha256.r1cs
      const wasmMatches = sha256File(compiled.wasmPath) === entry.sha256.wasm
      const zkeyValid = verifyZkey
        ? await verifyPhase2({ r1cs: compiled.r1csPath, ptau, zkey: join(pkg, entry.files.zkey) })
        : undefined
      checks.push({
        name: circuit.name,
        filesMatchManifest,
        sourceMatches,
        r1csMatches,
        wasmMatches,
        zkeyValid,
        ok: filesMatchManifest && sourceMatches && r1csMatches && wasmMatches && zkeyValid !== false,
      })
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  }
  return checks
}
