// Lives directly in src/ so that `../artifacts/` resolves the same from src/ (tests) and dist/ (builds).
import {
  type ArtifactSource,
  type CircuitArtifacts,
  type CircuitPin,
  loadArtifact,
  loadCircuitArtifacts,
} from '@caldera/zk'
import { z } from 'zod'
import { check, inputSchemas } from './internal/inputs.js'
import { disclosureCircuit, membershipCircuit, rangeCircuit, selectiveCircuit } from './pinned/circuits.js'

/** The four privacy circuits, pinned by the build (hashes, verification keys, constraint counts). */
export const privacyCircuits = {
  disclosure: disclosureCircuit,
  membership: membershipCircuit,
  range: rangeCircuit,
  selective: selectiveCircuit,
} as const satisfies Record<string, CircuitPin>

export type PrivacyCircuitName = keyof typeof privacyCircuits

/**
 * Where to load a circuit's artifacts from: already loaded artifacts, or sources (bytes or URLs,
 * e.g. files served by your web app). Omitted: the files shipped in this package's `artifacts/`.
 */
export type ArtifactsOption = CircuitArtifacts | { wasm: ArtifactSource; zkey: ArtifactSource }

const cache = new Map<PrivacyCircuitName, Promise<CircuitArtifacts>>()

/**
 * Loads (once) and hash-checks the artifacts of a privacy circuit.
 *
 * @example
 * import { loadPrivacyArtifacts } from '@caldera/privacy-zk'
 * const artifacts = await loadPrivacyArtifacts({ circuit: 'disclosure', artifacts: { wasm: '/zk/disclosure.wasm', zkey: '/zk/disclosure.zkey' } })
 */
export async function loadPrivacyArtifacts(options: {
  circuit: PrivacyCircuitName
  artifacts?: ArtifactsOption | undefined
}): Promise<CircuitArtifacts> {
  check(inputSchemas.loadArtifacts, options, 'loadPrivacyArtifacts options')
  if (!Object.hasOwn(privacyCircuits, options.circuit))
    check(z.enum(Object.keys(privacyCircuits) as [string, ...string[]]), options.circuit, 'circuit')
  const { circuit, artifacts } = options
  const pin = privacyCircuits[circuit]
  if (artifacts && 'circuit' in artifacts) {
    if (artifacts.circuit.zkeySha256 !== pin.zkeySha256 || artifacts.circuit.wasmSha256 !== pin.wasmSha256) {
      // Loaded for another pin: re-check the bytes against this package's pins.
      return loadCircuitArtifacts({ circuit: pin, wasm: artifacts.wasm, zkey: artifacts.zkey })
    }
    return artifacts
  }
  if (artifacts) return loadCircuitArtifacts({ circuit: pin, wasm: artifacts.wasm, zkey: artifacts.zkey })
  let loaded = cache.get(circuit)
  if (!loaded) {
    loaded = loadBundled(pin)
    cache.set(circuit, loaded)
    loaded.catch(() => cache.delete(circuit))
  }
  return loaded
}

async function loadBundled(pin: CircuitPin): Promise<CircuitArtifacts> {
  const base = new URL(`../artifacts/${pin.name}/`, import.meta.url)
  const [wasm, zkey] = await Promise.all(
    (['wasm', 'zkey'] as const).map(async (kind) => {
      const url = new URL(`${pin.name}.${kind}`, base)
      const source = url.protocol === 'file:' ? await readFileUrl(url) : url
      return loadArtifact({
        artifact: `${pin.name}.${kind}`,
        source,
        sha256: kind === 'wasm' ? pin.wasmSha256 : pin.zkeySha256,
      })
    }),
  )
  return { circuit: pin, wasm: wasm!, zkey: zkey! }
}

async function readFileUrl(url: URL): Promise<Uint8Array> {
  const fs = 'node:fs/promises'
  const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof import('node:fs/promises')
  return new Uint8Array(await readFile(url))
}
