/**
 * Builds every privacy circuit: compile, development Groth16 setup, artifacts with pinned hashes,
 * Solidity verifiers into packages/contracts/contracts/privacy/verifiers. Run once, commit the output.
 * Usage: pnpm build:circuits
 */
import { fileURLToPath } from 'node:url'
import { terminateProver } from '@caldera/zk'
import { buildCircuits } from '@caldera/zk/node'

const only = process.argv.slice(2)
await buildCircuits({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  ...(only.length > 0 ? { only } : {}),
})
await terminateProver()
