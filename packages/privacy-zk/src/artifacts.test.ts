import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ArtifactHashMismatchError } from '@caldera/zk'
import { checkCircuitArtifacts } from '@caldera/zk/node'
import { describe, expect, it } from 'vitest'
import { loadPrivacyArtifacts, privacyCircuits } from './circuitArtifacts.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

describe('committed circuit artifacts', () => {
  // Recompiling all four circuits and verifying every zkey against r1cs + ptau takes minutes on this
  // shared 2-core machine: `pnpm verify:artifacts` runs that full check. The suite recompiles the
  // on-chain disclosure circuit and the range circuit and compares r1cs and wasm with the committed
  // files; the proof tests then show the committed zkeys prove and verify those circuits.
  it('match the circuits: a fresh compile equals the committed r1cs and wasm', async () => {
    const checks = await checkCircuitArtifacts({
      packageDir,
      verifyZkey: false,
      only: ['disclosure', 'range'],
    })
    expect(checks.map((c) => c.name)).toEqual(['disclosure', 'range'])
    for (const check of checks) {
      expect(check).toEqual({
        name: check.name,
        filesMatchManifest: true,
        sourceMatches: true,
        r1csMatches: true,
        wasmMatches: true,
        zkeyValid: undefined,
        ok: true,
      })
    }
  }, 120_000)

  it('the pinned module matches the manifest, and the disclosure circuit stays lean', () => {
    const manifest = JSON.parse(readFileSync(new URL('../artifacts/manifest.json', import.meta.url), 'utf8'))
    for (const [name, pin] of Object.entries(privacyCircuits)) {
      expect(pin.zkeySha256).toBe(manifest.circuits[name].sha256.zkey)
      expect(pin.wasmSha256).toBe(manifest.circuits[name].sha256.wasm)
    }
    expect(privacyCircuits.disclosure.publicInputs).toEqual(['root', 'nullifier', 'statement'])
    expect(privacyCircuits.disclosure.constraints).toBeLessThan(4_500)
  })

  it('every load checks the pinned SHA-256', async () => {
    const wasm = new Uint8Array(readFileSync(new URL('../artifacts/range/range.wasm', import.meta.url)))
    const zkey = new Uint8Array(readFileSync(new URL('../artifacts/range/range.zkey', import.meta.url)))
    await expect(
      loadPrivacyArtifacts({ circuit: 'range', artifacts: { wasm, zkey } }),
    ).resolves.toMatchObject({
      circuit: privacyCircuits.range,
    })
    const swapped = loadPrivacyArtifacts({ circuit: 'disclosure', artifacts: { wasm, zkey } })
    await expect(swapped).rejects.toBeInstanceOf(ArtifactHashMismatchError)
  })
})
