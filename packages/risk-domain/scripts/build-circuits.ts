/**
 * Builds the financial-tier batch circuit once: circom compile, Groth16 setup from the shared
 * 2^14 development powers of tau, artifacts + SHA-256 manifest in `artifacts/`, the pinned
 * `src/zk/circuits.ts` and `BatchCommitmentGroth16Verifier.sol` in the contracts package.
 *
 * Run: tsx --conditions=@caldera/source scripts/build-circuits.ts  (commit what it writes)
 */
import { fileURLToPath } from 'node:url'
import { terminateProver } from '@caldera/zk'
import { buildCircuits } from '@caldera/zk/node'

await buildCircuits({ packageDir: fileURLToPath(new URL('..', import.meta.url)) })
await terminateProver()
