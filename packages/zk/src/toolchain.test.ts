import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCommand } from '@caldera/core/cli'
import { poseidon2 } from 'poseidon-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { preimageCircuit } from '../test/generated/circuits.js'
import { zkContributeCommand, zkVerifyCommand } from './exports/cli.js'
import {
  ArtifactHashMismatchError,
  loadArtifact,
  loadCircuitArtifacts,
  ProofGenerationError,
  prove,
  terminateProver,
  toSolidityCalldata,
  verify,
} from './exports/index.js'
import { checkCircuitArtifacts, readCircuitArtifacts, sha256File } from './exports/node.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const artifactsDir = join(packageDir, 'test', 'artifacts')

afterAll(() => terminateProver())

describe('prove and verify (tiny circuit, end to end)', () => {
  const secret = [12345n, 67890n]
  const hash = poseidon2(secret)

  it('proves a Poseidon preimage and verifies it; a changed public signal fails', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: preimageCircuit, artifactsDir })
    const { proof, publicSignals } = await prove({ artifacts, input: { secret, hash, tag: 7n } })
    expect(publicSignals).toEqual([hash.toString(), '7'])
    const vk = preimageCircuit.verificationKey
    expect(await verify({ verificationKey: vk, proof, publicSignals })).toBe(true)
    expect(await verify({ verificationKey: vk, proof, publicSignals: [hash, 8n] })).toBe(false)
    const tampered = { ...proof, pi_a: [proof.pi_a[1]!, proof.pi_a[0]!, proof.pi_a[2]!] }
    expect(await verify({ verificationKey: vk, proof: tampered, publicSignals })).toBe(false)

    const calldata = toSolidityCalldata({ proof, publicSignals })
    expect(calldata.inputs).toEqual([hash, 7n])
    expect(calldata.b[0]).toEqual([BigInt(proof.pi_b[0]![1]!), BigInt(proof.pi_b[0]![0]!)])
  })

  it('refuses to prove a wrong preimage with a typed error', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: preimageCircuit, artifactsDir })
    await expect(prove({ artifacts, input: { secret: [1n, 2n], hash, tag: 1n } })).rejects.toBeInstanceOf(
      ProofGenerationError,
    )
  })
})

describe('artifact hashes', () => {
  it('rejects bytes whose SHA-256 differs from the pin', async () => {
    const zkey = new Uint8Array(readFileSync(join(artifactsDir, 'preimage', 'preimage.zkey')))
    const wasm = new Uint8Array(readFileSync(join(artifactsDir, 'preimage', 'preimage.wasm')))
    await expect(loadCircuitArtifacts({ circuit: preimageCircuit, wasm, zkey })).resolves.toMatchObject({
      circuit: preimageCircuit,
    })
    const tampered = zkey.slice()
    tampered[tampered.length - 1]! ^= 1
    const error = await loadCircuitArtifacts({ circuit: preimageCircuit, wasm, zkey: tampered }).catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(ArtifactHashMismatchError)
    expect(error.artifact).toBe('preimage.zkey')
    expect(error.expected).toBe(preimageCircuit.zkeySha256)
    await expect(
      loadArtifact({ artifact: 'x', source: new Uint8Array([1]), sha256: '00'.repeat(32) }),
    ).rejects.toThrow(/does not match its pinned SHA-256/)
  })

  it('the pinned TypeScript module matches the manifest and the committed files', () => {
    const manifest = JSON.parse(readFileSync(join(artifactsDir, 'manifest.json'), 'utf8'))
    const entry = manifest.circuits.preimage
    expect(preimageCircuit.zkeySha256).toBe(entry.sha256.zkey)
    expect(preimageCircuit.wasmSha256).toBe(sha256File(join(packageDir, entry.files.wasm)))
    expect(preimageCircuit.r1csSha256).toBe(sha256File(join(packageDir, entry.files.r1cs)))
    expect(manifest.ptau.sha256).toBe('5cbde10be9d43b9be9ec4b2749b6f9c140c7e60cc6bfbbdf123b425bf19390db')
  })

  it('committed artifacts match the circuit: recompiled r1cs and zkey verified against r1cs + ptau', async () => {
    const checks = await checkCircuitArtifacts({ packageDir })
    expect(checks.map((c) => c.name)).toEqual(['preimage', 'product', 'weak'])
    for (const check of checks) {
      expect(check).toMatchObject({
        filesMatchManifest: true,
        sourceMatches: true,
        r1csMatches: true,
        wasmMatches: true,
        zkeyValid: true,
        ok: true,
      })
    }
  })
})

describe('caldera zk (phase-2 ceremony)', () => {
  it('contributes to the zkey, verifies the result, and the new key still proves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caldera-zk-ceremony-'))
    try {
      const out: string[] = []
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: dir }
      const zkeyIn = join(artifactsDir, 'preimage', 'preimage.zkey')
      const code = await runCommand(
        zkContributeCommand,
        [zkeyIn, 'next.zkey', '--name', 'alice', '--entropy', 'not so secret'],
        io,
      )
      expect(code).toBe(0)
      expect(JSON.parse(out.join('')).contributionHash).toMatch(/^[0-9a-f]{128}$/)
      const r1cs = join(artifactsDir, 'preimage', 'preimage.r1cs')
      const ptau = join(packageDir, 'ptau', 'pot14_dev.ptau')
      out.length = 0
      expect(await runCommand(zkVerifyCommand, [r1cs, ptau, 'next.zkey'], io)).toBe(0)
      expect(out.join('')).toContain('zkey OK')

      const artifacts = await readCircuitArtifacts({
        circuit: { ...preimageCircuit, zkeySha256: sha256File(join(dir, 'next.zkey')) },
        artifactsDir,
        paths: { zkey: join(dir, 'next.zkey') },
      })
      const hash = poseidon2([3n, 4n])
      const { proof, publicSignals } = await prove({ artifacts, input: { secret: [3n, 4n], hash, tag: 1n } })
      // The old verification key no longer matches: the contribution changed delta.
      expect(await verify({ verificationKey: preimageCircuit.verificationKey, proof, publicSignals })).toBe(
        false,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rejects a zkey that was not made for the circuit', async () => {
    const out: string[] = []
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: packageDir }
    // r1cs of one circuit, zkey of another.
    const code = await runCommand(
      zkVerifyCommand,
      ['test/artifacts/preimage/preimage.r1cs', 'ptau/pot14_dev.ptau', 'test/artifacts/product/product.zkey'],
      io,
    )
    expect(code).toBe(1)
    expect(out.join('')).toMatch(/zkey INVALID/)
  })
})
