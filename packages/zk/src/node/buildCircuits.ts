import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parse } from '@caldera/core'
import { type CircuitConfig, type CircuitsConfig, circuitsConfigSchema } from '../config/circuitsConfig.js'
import { CircuitBuildError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { r1cs, snarkjsLogger, zKey } from '../internal/snarkjs.js'
import { compileCircuit } from './compileCircuit.js'
import { sha256File } from './sha256File.js'
import { devPtauPath, resolveToolchain } from './toolchain.js'

/** One circuit's entry in `<artifactsDir>/manifest.json`. */
export type ManifestCircuit = {
  name: string
  template: string
  params: number[]
  publicInputs: string[]
  description?: string | undefined
  constraints: number
  files: { wasm: string; zkey: string; r1cs: string; verificationKey: string }
  sha256: { wasm: string; zkey: string; r1cs: string; verificationKey: string; source: string }
  verifier?: { contract: string; path: string; sha256: string } | undefined
}

/** `<artifactsDir>/manifest.json`: what was built, from what, with which hashes. */
export type CircuitsManifest = {
  ptau: { path: string; sha256: string }
  phase2: string
  circuits: Record<string, ManifestCircuit>
}

export type BuildCircuitsParameters = {
  /** Folder of the package holding `circuits/circuits.json`. */
  packageDir: string
  /** Config file relative to `packageDir`; default `circuits/circuits.json`. */
  config?: string
  /** Build only these circuits (by name); default all. */
  only?: readonly string[]
  /** Progress lines; default `console.log`. */
  log?: (line: string) => void
}

/**
 * Solidity verifier contract name of a circuit: `disclosure` → `DisclosureGroth16Verifier`.
 *
 * @example
 * import { verifierContractName } from '@caldera/zk/node'
 * verifierContractName('disclosure') // 'DisclosureGroth16Verifier'
 */
export function verifierContractName(name: string): string {
  check(inputSchemas.name, name, 'circuit name')
  return `${name[0]!.toUpperCase()}${name.slice(1)}Groth16Verifier`
}

/**
 * Reads and validates a package's circuits config.
 *
 * @example
 * import { readCircuitsConfig } from '@caldera/zk/node'
 * const { circuits } = readCircuitsConfig(packageDir)
 */
export function readCircuitsConfig(packageDir: string, config = 'circuits/circuits.json'): CircuitsConfig {
  check(inputSchemas.circuitsConfig, [packageDir, config], 'readCircuitsConfig (packageDir, config)')
  const path = join(packageDir, config)
  if (!existsSync(path)) throw new CircuitBuildError(`No circuits config at ${path}.`)
  return parse(circuitsConfigSchema, JSON.parse(readFileSync(path, 'utf8')), config)
}

/**
 * Builds a package's circuits: compiles each with circom 2, runs the Groth16 setup from the
 * powers of tau plus a deterministic development phase-2 beacon, exports the verification key
 * and a Solidity verifier named `<Name>Groth16Verifier`, copies `.wasm`/`.zkey`/`.r1cs`/vkey to
 * `<artifactsDir>/<name>/`, writes `manifest.json` with their SHA-256 and a TypeScript module
 * pinning them. Heavy: run it from a build script, never from tests.
 *
 * @example
 * // scripts/build-circuits.ts, run with `tsx --conditions=@caldera/source scripts/build-circuits.ts`
 * import { buildCircuits } from '@caldera/zk/node'
 * await buildCircuits({ packageDir: new URL('..', import.meta.url).pathname })
 */
export async function buildCircuits(options: BuildCircuitsParameters): Promise<CircuitsManifest> {
  check(inputSchemas.build, options, 'buildCircuits options')
  const { packageDir, config = 'circuits/circuits.json', only, log = (line) => console.log(line) } = options
  const pkg = realpathSync(resolve(packageDir))
  const cfg = readCircuitsConfig(pkg, config)
  const ptau = cfg.ptau ? resolve(pkg, cfg.ptau) : devPtauPath()
  const artifactsDir = resolve(pkg, cfg.artifactsDir)
  const toolchain = resolveToolchain(pkg)
  const template = readFileSync(toolchain.groth16Template, 'utf8')
  const manifestPath = join(artifactsDir, 'manifest.json')
  const previous: CircuitsManifest | undefined = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, 'utf8'))
    : undefined
  const manifest: CircuitsManifest = {
    ptau: { path: relative(pkg, ptau), sha256: sha256File(ptau) },
    phase2: `deterministic development beacon ${cfg.devBeacon} (2^10 iterations); not for production`,
    circuits: {},
  }
  const selected = cfg.circuits.filter((c) => !only || only.includes(c.name))
  if (only) {
    const unknown = only.filter((name) => !cfg.circuits.some((c) => c.name === name))
    if (unknown.length > 0) throw new CircuitBuildError(`Unknown circuit(s): ${unknown.join(', ')}.`)
  }
  for (const circuit of cfg.circuits) {
    if (selected.includes(circuit)) {
      manifest.circuits[circuit.name] = await buildOne({
        pkg,
        cfg,
        circuit,
        ptau,
        template,
        artifactsDir,
        log,
      })
    } else if (previous?.circuits[circuit.name]) {
      manifest.circuits[circuit.name] = previous.circuits[circuit.name]!
    }
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  writeGeneratedModule({ pkg, cfg, manifest, artifactsDir })
  log(`wrote ${relative(pkg, manifestPath)} and ${cfg.generatedModule}`)
  return manifest
}

async function buildOne({
  pkg,
  cfg,
  circuit,
  ptau,
  template,
  artifactsDir,
  log,
}: {
  pkg: string
  cfg: CircuitsConfig
  circuit: CircuitConfig
  ptau: string
  template: string
  artifactsDir: string
  log: (line: string) => void
}): Promise<ManifestCircuit> {
  const started = performance.now()
  const buildDir = join(pkg, 'circuits', 'build', circuit.name)
  rmSync(buildDir, { recursive: true, force: true })
  log(`[${circuit.name}] compiling ${circuit.file} (${circuit.template}(${circuit.params.join(', ')}))`)
  const compiled = await compileCircuit({ packageDir: pkg, circuit, outDir: buildDir })
  const info = await r1cs.info(compiled.r1csPath)
  log(`[${circuit.name}] ${info.nConstraints} constraints; Groth16 setup`)
  const zkey0 = join(buildDir, `${circuit.name}_0000.zkey`)
  const zkeyFinal = join(buildDir, `${circuit.name}.zkey`)
  await zKey.newZKey(compiled.r1csPath, ptau, zkey0)
  await zKey.beacon(zkey0, zkeyFinal, 'caldera development beacon', cfg.devBeacon, 10)
  const vkey = await zKey.exportVerificationKey(zkeyFinal)
  const outDir = join(artifactsDir, circuit.name)
  mkdirSync(outDir, { recursive: true })
  const files = {
    wasm: join(outDir, `${circuit.name}.wasm`),
    zkey: join(outDir, `${circuit.name}.zkey`),
    r1cs: join(outDir, `${circuit.name}.r1cs`),
    verificationKey: join(outDir, 'verification_key.json'),
  }
  copyFileSync(compiled.wasmPath, files.wasm)
  copyFileSync(zkeyFinal, files.zkey)
  copyFileSync(compiled.r1csPath, files.r1cs)
  writeFileSync(files.verificationKey, `${JSON.stringify(vkey, null, 2)}\n`)
  let verifier: ManifestCircuit['verifier']
  if (cfg.verifierDir) {
    const contract = verifierContractName(circuit.name)
    const solidity = await zKey.exportSolidityVerifier(
      zkeyFinal,
      { groth16: template },
      snarkjsLogger(() => {}),
    )
    const path = join(resolve(pkg, cfg.verifierDir), `${contract}.sol`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, adaptVerifier(solidity, contract, circuit))
    verifier = { contract, path: relative(pkg, path), sha256: sha256File(path) }
  }
  log(`[${circuit.name}] done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return {
    name: circuit.name,
    template: circuit.template,
    params: circuit.params,
    publicInputs: circuit.publicInputs,
    description: circuit.description,
    constraints: info.nConstraints,
    files: {
      wasm: relative(pkg, files.wasm),
      zkey: relative(pkg, files.zkey),
      r1cs: relative(pkg, files.r1cs),
      verificationKey: relative(pkg, files.verificationKey),
    },
    sha256: {
      wasm: sha256File(files.wasm),
      zkey: sha256File(files.zkey),
      r1cs: sha256File(files.r1cs),
      verificationKey: sha256File(files.verificationKey),
      source: sha256File(join(pkg, circuit.file)),
    },
    verifier,
  }
}

/** Renames snarkjs' `Groth16Verifier`, pins a 0.8 pragma and notes where it came from. */
export function adaptVerifier(solidity: string, contract: string, circuit: CircuitConfig): string {
  const renamed = solidity
    .replace(/contract Groth16Verifier\b/, `contract ${contract}`)
    .replace(/pragma solidity [^;]+;/, 'pragma solidity ^0.8.20;')
  if (!renamed.includes(`contract ${contract}`)) throw new CircuitBuildError('Unexpected verifier template.')
  return renamed.replace(
    'pragma solidity ^0.8.20;',
    [
      `// Generated by @caldera/zk buildCircuits for circuit "${circuit.name}" (${circuit.template}). Do not edit.`,
      `// Public inputs (in order): ${circuit.publicInputs.join(', ') || 'none'}.`,
      'pragma solidity ^0.8.20;',
    ].join('\n'),
  )
}

function writeGeneratedModule({
  pkg,
  cfg,
  manifest,
  artifactsDir,
}: {
  pkg: string
  cfg: CircuitsConfig
  manifest: CircuitsManifest
  artifactsDir: string
}): void {
  const path = join(pkg, cfg.generatedModule)
  mkdirSync(dirname(path), { recursive: true })
  const lines = [
    `// Generated by @caldera/zk buildCircuits from ${relative(pkg, join(pkg, 'circuits'))}. Do not edit.`,
    `// Artifacts: ${relative(pkg, artifactsDir)}/<name>/ (manifest.json). ${manifest.phase2}.`,
    '',
  ]
  for (const c of Object.values(manifest.circuits)) {
    const vkey = JSON.parse(readFileSync(join(pkg, c.files.verificationKey), 'utf8'))
    const pin = {
      name: c.name,
      template: c.template,
      params: c.params,
      publicInputs: c.publicInputs,
      constraints: c.constraints,
      wasmSha256: c.sha256.wasm,
      zkeySha256: c.sha256.zkey,
      r1csSha256: c.sha256.r1cs,
      verificationKeySha256: c.sha256.verificationKey,
      verifierContract: c.verifier?.contract,
      verificationKey: vkey,
    }
    lines.push(
      `/** Pinned build of circuit \`${c.name}\`${c.description ? `: ${c.description}` : ''} */`,
      `export const ${c.name}Circuit = ${JSON.stringify(pin, null, 2)} as const`,
      '',
    )
  }
  writeFileSync(path, lines.join('\n'))
}
