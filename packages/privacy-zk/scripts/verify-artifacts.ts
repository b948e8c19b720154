/**
 * Full check of the committed artifacts (minutes): recompiles every circuit, compares r1cs and wasm,
 * and verifies each zkey against its r1cs and the powers of tau (snarkjs zkey verify).
 * Usage: pnpm verify:artifacts
 */
import { fileURLToPath } from 'node:url'
import { terminateProver } from '@caldera/zk'
import { checkCircuitArtifacts } from '@caldera/zk/node'

const checks = await checkCircuitArtifacts({ packageDir: fileURLToPath(new URL('..', import.meta.url)) })
for (const check of checks) console.log(JSON.stringify(check))
await terminateProver()
process.exit(checks.every((c) => c.ok) ? 0 : 1)
