import { ArtifactHashMismatchError, ArtifactLoadError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { sha256Hex } from './sha256.js'
import type { ArtifactSource } from './types.js'

export type LoadArtifactParameters = {
  /** Name used in errors, e.g. `disclosure.zkey`. */
  artifact: string
  source: ArtifactSource
  /** Expected SHA-256 (hex, no prefix). */
  sha256: string
}

/**
 * Loads an artifact from bytes or a URL and checks its SHA-256 before returning it.
 *
 * @throws ArtifactHashMismatchError when the bytes do not have the pinned hash.
 * @example
 * import { loadArtifact } from '@caldera/zk'
 * const zkey = await loadArtifact({ artifact: 'disclosure.zkey', source: '/zk/disclosure.zkey', sha256 })
 */
export async function loadArtifact(options: LoadArtifactParameters): Promise<Uint8Array> {
  check(inputSchemas.loadArtifact, options, 'loadArtifact options')
  const { artifact, source, sha256 } = options
  const bytes = await readSource(artifact, source)
  const actual = await sha256Hex(bytes)
  const expected = sha256.toLowerCase().replace(/^0x/, '')
  if (actual !== expected) throw new ArtifactHashMismatchError({ artifact, expected, actual })
  return bytes
}

async function readSource(artifact: string, source: ArtifactSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source
  if (source instanceof ArrayBuffer) return new Uint8Array(source)
  const url = source.toString()
  try {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`)
    return new Uint8Array(await response.arrayBuffer())
  } catch (cause) {
    throw new ArtifactLoadError({ artifact, source: url }, { cause })
  }
}
