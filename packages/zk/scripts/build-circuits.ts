/**
 * Builds @caldera/zk's test circuit (compile, dev setup, artifacts, pinned hashes).
 * Usage: pnpm build:circuits
 */
import { fileURLToPath } from 'node:url'
import { terminateProver } from '../src/exports/index.js'
import { buildCircuits } from '../src/exports/node.js'

await buildCircuits({ packageDir: fileURLToPath(new URL('..', import.meta.url)) })
await terminateProver()
