/**
 * Full check of the committed circuit artifacts: a fresh circom compile compared with the
 * committed r1cs, and the zkey verified against r1cs + powers of tau (~90 s; no setup is run).
 *
 * Run: tsx --conditions=@caldera/source scripts/check-circuits.ts
 */
import { fileURLToPath } from 'node:url'
import { terminateProver } from '@caldera/zk'
import { checkCircuitArtifacts } from '@caldera/zk/node'

const checks = await checkCircuitArtifacts({ packageDir: fileURLToPath(new URL('..', import.meta.url)) })
for (const check of checks) console.log(`${check.name}: ${check.ok ? 'ok' : 'MISMATCH'}`)
await terminateProver()
process.exit(checks.every((c) => c.ok) ? 0 : 1)
