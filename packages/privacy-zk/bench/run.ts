/**
 * Benchmarks of the combined disclosure proof on this machine: prove and verify time, gas of a real
 * `disclose` transaction on anvil (through an EIP-1167 clone, explicit gas), constraint counts.
 * Usage: pnpm bench
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { measure, summarize, writeResults } from '@caldera/bench-utils'
import { startDevnet } from '@caldera/devnet'
import { parseR1cs } from '@caldera/zk'
import {
  defineRecordSchema,
  deployPrivacyContracts,
  generateKeyPair,
  loadPrivacyArtifacts,
  NotarizationTree,
  notarizeRoot,
  proveDisclosure,
  sealRecord,
  submitDisclosure,
  terminateProver,
  verifyDisclosure,
} from '../src/exports/index.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const load = loadavg()[0]!

// An 8-field shipment record in a tree with 2,000 other notarized records.
const schema = defineRecordSchema({
  name: 'shipment',
  fields: {
    shipmentId: { type: 'string', privacy: 'public' },
    product: { type: 'string' },
    origin: { type: 'string' },
    lowestTemperature: { type: 'decimal', decimals: 2 },
    peakTemperature: { type: 'decimal', decimals: 2 },
    departedAt: { type: 'timestamp' },
    arrivedAt: { type: 'timestamp' },
    carrier: { type: 'enum', values: ['NordFreight', 'ColdLine', 'AeroCool'] },
  },
})
const owner = generateKeyPair()
const { record } = sealRecord({
  schema,
  values: {
    shipmentId: 'SHP-1',
    product: 'vaccines',
    origin: 'Basel',
    lowestTemperature: '2.9',
    peakTemperature: '7.6',
    departedAt: '2026-11-20T06:00:00Z',
    arrivedAt: '2026-11-22T18:30:00Z',
    carrier: 'AeroCool',
  },
  recipients: [owner.publicKey],
})
const tree = new NotarizationTree()
for (let i = 1n; i <= 2000n; i++) tree.insert(i * 7919n)
const leafIndex = tree.insert(record.commitment)
const merkleProof = tree.proof(leafIndex)
await loadPrivacyArtifacts({ circuit: 'disclosure' })

let scope = 0n
const proveOnce = () =>
  proveDisclosure({
    record,
    field: 'peakTemperature',
    range: { min: '2', max: '8' },
    merkleProof,
    scope: ++scope,
  })
console.log('proving (1 warm-up + 7 runs)…')
const proveTimes = await measure(proveOnce, { runs: 7, warmup: 1 })
const prove = summarize(proveTimes)

const disclosure = await proveOnce()
console.log('verifying (3 warm-up + 30 runs)…')
const verifyTimes = await measure(
  () => verifyDisclosure({ ...disclosure, expected: { roots: [tree.root] } }),
  {
    runs: 30,
    warmup: 3,
  },
)
const verifyStats = summarize(verifyTimes)

console.log('on-chain disclose on anvil…')
const devnet = await startDevnet({ chains: [{ name: 'bench' }] })
const gasUsed: bigint[] = []
try {
  const wallet = devnet.chain('bench').walletClient
  const { disclosureVerifier } = await deployPrivacyContracts(wallet)
  await notarizeRoot(wallet, { notary: disclosureVerifier, root: tree.root, recordCount: tree.size })
  for (const d of [disclosure, await proveOnce(), await proveOnce()]) {
    const { receipt } = await submitDisclosure(wallet, { verifier: disclosureVerifier, disclosure: d })
    if (receipt.status !== 'success') throw new Error('disclose reverted')
    gasUsed.push(receipt.gasUsed)
  }
} finally {
  await devnet.stop()
}
await terminateProver()

const constraints = (name: string) =>
  parseR1cs(new Uint8Array(readFileSync(new URL(`../artifacts/${name}/${name}.r1cs`, import.meta.url))))
    .constraints.length

console.log(
  `prove ms: p50 ${prove.p50.toFixed(0)}, min ${prove.min.toFixed(0)}, p90 ${prove.p90.toFixed(0)}; verify ms: p50 ${verifyStats.p50.toFixed(1)}, p90 ${verifyStats.p90.toFixed(1)}; gas ${gasUsed.join(', ')}; load average at start ${load.toFixed(2)}`,
)
writeResults(packageDir, '@caldera/privacy-zk', {
  disclosure_prove_ms: { value: Math.round(prove.p50), unit: 'ms', target: 700, better: 'lower' },
  disclosure_prove_min_ms: { value: Math.round(prove.min), unit: 'ms', better: 'lower' },
  disclosure_prove_p90_ms: { value: Math.round(prove.p90), unit: 'ms', better: 'lower' },
  disclosure_verify_ms: {
    value: Number(verifyStats.p50.toFixed(2)),
    unit: 'ms',
    target: 15,
    better: 'lower',
  },
  disclosure_verify_p90_ms: { value: Number(verifyStats.p90.toFixed(2)), unit: 'ms', better: 'lower' },
  disclosure_verify_gas: {
    value: Number(gasUsed[gasUsed.length - 1]),
    unit: 'gas',
    target: 260_000,
    better: 'lower',
  },
  disclosure_constraints: { value: constraints('disclosure'), unit: 'constraints', better: 'lower' },
  membership_constraints: { value: constraints('membership'), unit: 'constraints', better: 'lower' },
  range_constraints: { value: constraints('range'), unit: 'constraints', better: 'lower' },
  selective_constraints: { value: constraints('selective'), unit: 'constraints', better: 'lower' },
  load_average_1m_at_start: { value: Number(load.toFixed(2)), unit: 'load', better: 'lower' },
})
process.exit(0)
