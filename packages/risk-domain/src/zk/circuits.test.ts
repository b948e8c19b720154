import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { batchCommitmentCircuit } from './circuits.js'

const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const sha256 = (path: string) =>
  createHash('sha256')
    .update(readFileSync(`${packageDir}/${path}`))
    .digest('hex')

// The full check (fresh compile against the r1cs, zkey against r1cs + powers of tau) takes
// ~90 s here: run `pnpm check:circuits`. This test compares the committed files' hashes.
it('keeps the committed batchCommitment artifacts, pins and verifier in step with the source', () => {
  const manifest = JSON.parse(readFileSync(`${packageDir}/artifacts/manifest.json`, 'utf8'))
  const entry = manifest.circuits.batchCommitment
  expect(sha256('circuits/batchCommitment.circom')).toBe(entry.sha256.source)
  for (const kind of ['wasm', 'zkey', 'r1cs', 'verificationKey'] as const)
    expect(sha256(entry.files[kind])).toBe(entry.sha256[kind])
  expect(batchCommitmentCircuit.wasmSha256).toBe(entry.sha256.wasm)
  expect(batchCommitmentCircuit.zkeySha256).toBe(entry.sha256.zkey)
  expect(sha256(entry.verifier.path)).toBe(entry.verifier.sha256)
  expect(batchCommitmentCircuit.constraints).toBeLessThan(16_384)
  expect(batchCommitmentCircuit.verificationKey.nPublic).toBe(37)
})
