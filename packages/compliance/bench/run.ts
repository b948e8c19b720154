/**
 * Benchmarks of @caldera/compliance. Run with `pnpm bench`; writes bench/results/latest.json.
 *
 * - rules_tx_per_s / graph_tx_per_s: AML monitor throughput on one core (per CPU second of this
 *   single-threaded process; wall-clock figures beside them) over ~1M generated transactions
 *   (OFAC list loaded), without and with the graph typologies (median of 3 runs).
 * - min_typology_recall / min_typology_precision: per-typology scores of the same run on the
 *   generator's labels (100 planted patterns per typology).
 * - netting_1m_obligations_s / netting_funding_reduction: multilateral netting of 1,000,000
 *   random obligations among 100 participants in 20 currencies (median of 3 runs).
 */
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BenchMetric, summarize, writeResults } from '@caldera/bench-utils'
import {
  type AmlAlert,
  createAmlMonitor,
  createRandom,
  createRateSource,
  evaluateAml,
  generateAmlData,
  netObligations,
  type Obligation,
  ofacEthList,
} from '../src/exports/index.js'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const metrics: Record<string, BenchMetric> = {}
// Other processes share the cores: record the load the figures were measured under.
metrics.load_avg_1m_at_start = { value: loadavg()[0]!, unit: 'load', better: 'lower' }

console.log('Generating AMLSim-style data (seed 42)…')
const dataset = generateAmlData({
  seed: 42,
  accounts: 50_000,
  background: 1_000_000,
  patternsPerTypology: 100,
})
const txs = dataset.transactions
console.log(`${txs.length} transactions, ${dataset.patterns.length} planted patterns`)
const sanctions = [ofacEthList()]

/**
 * One pass over the data. Throughput is per second of this process's CPU time (user + system):
 * the monitor is single-threaded, so that is its rate on one core even when other processes
 * share the machine. Wall-clock throughput is reported beside it.
 */
function run(graph: boolean): { txPerS: number; txPerWallS: number; alerts: AmlAlert[] } {
  const monitor = createAmlMonitor({ config: { graph: { enabled: graph } }, sanctions })
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let i = 0; i < txs.length; i++) monitor.ingest(txs[i]!)
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  return {
    txPerS: (txs.length / cpuMs) * 1000,
    txPerWallS: (txs.length / ms) * 1000,
    alerts: monitor.alerts(),
  }
}

for (const [name, graph, target] of [
  ['rules_tx_per_s', false, 250_000],
  ['graph_tx_per_s', true, 50_000],
] as const) {
  const runs = [run(graph), run(graph), run(graph)]
  const s = summarize(runs.map((r) => r.txPerS))
  const wall = summarize(runs.map((r) => r.txPerWallS))
  console.log(
    `${name}: runs ${runs.map((r) => Math.round(r.txPerS)).join(', ')} tx per CPU second; ${runs.map((r) => Math.round(r.txPerWallS)).join(', ')} tx per wall second`,
  )
  metrics[name] = { value: Math.round(s.p50), unit: '1/s', target, better: 'higher' }
  metrics[`${name.replace(/_per_s$/, '')}_per_wall_s`] = {
    value: Math.round(wall.p50),
    unit: '1/s',
    better: 'higher',
  }
  if (graph) {
    const scores = evaluateAml({ dataset, alerts: runs[0]!.alerts })
    console.table(scores)
    const values = Object.values(scores)
    metrics.min_typology_recall = {
      value: Math.min(...values.map((v) => v.recall)),
      unit: 'fraction',
      target: 0.95,
      better: 'higher',
    }
    metrics.min_typology_precision = {
      value: Math.min(...values.map((v) => v.precision)),
      unit: 'fraction',
      target: 0.9,
      better: 'higher',
    }
    for (const [typology, v] of Object.entries(scores)) {
      const key = typology.replace(/-/g, '_')
      metrics[`recall_${key}`] = { value: v.recall, unit: 'fraction', better: 'higher' }
      metrics[`precision_${key}`] = { value: v.precision, unit: 'fraction', better: 'higher' }
    }
    metrics.graph_alerts = { value: runs[0]!.alerts.length, unit: 'alerts', better: 'lower' }
  }
}

console.log('Netting 1,000,000 obligations among 100 participants in 20 currencies…')
const currencies = [
  'USD',
  'EUR',
  'JPY',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'CNY',
  'HKD',
  'SGD',
  'SEK',
  'NOK',
  'DKK',
  'NZD',
  'MXN',
  'BRL',
  'INR',
  'KRW',
  'ZAR',
  'PLN',
]
const rateTable = [
  '1',
  '1.0850',
  '0.0066',
  '1.2650',
  '1.1300',
  '0.7300',
  '0.6550',
  '0.1380',
  '0.1280',
  '0.7450',
  '0.0950',
  '0.0930',
  '0.1450',
  '0.5950',
  '0.0580',
  '0.1950',
  '0.0120',
  '0.00072',
  '0.0550',
  '0.2500',
]
const rates = createRateSource({
  rates: currencies.slice(1).map((c, i) => ({ base: c, quote: 'USD', rate: rateTable[i + 1]! })),
})
const decimals = Object.fromEntries(currencies.map((c) => [c, c === 'JPY' || c === 'KRW' ? 0 : 2]))
const rnd = createRandom(7).next
const participants = Array.from({ length: 100 }, (_, i) => `BANK${String(i).padStart(3, '0')}`)
const obligations: Obligation[] = []
for (let i = 0; i < 1_000_000; i++) {
  const a = Math.floor(rnd() * 100)
  let b = Math.floor(rnd() * 99)
  if (b >= a) b++
  obligations.push({
    from: participants[a]!,
    to: participants[b]!,
    currency: currencies[Math.floor(rnd() * 20)]!,
    amount: BigInt(1 + Math.floor(rnd() * 10_000_000)),
  })
}
const nettingRuns: number[] = []
const nettingCpu: number[] = []
let result: ReturnType<typeof netObligations> | undefined
for (let r = 0; r < 3; r++) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  result = netObligations({ obligations, rates, decimals })
  nettingRuns.push((performance.now() - start) / 1000)
  const used = process.cpuUsage(cpu)
  nettingCpu.push((used.user + used.system) / 1e6)
}
console.log(
  `netting: runs ${nettingRuns.map((s) => s.toFixed(3)).join(', ')} s; ${result!.instructions.length} instructions`,
)
metrics.netting_1m_obligations_s = {
  value: summarize(nettingRuns).p50,
  unit: 's',
  target: 2,
  better: 'lower',
}
metrics.netting_1m_obligations_cpu_s = { value: summarize(nettingCpu).p50, unit: 's', better: 'lower' }
metrics.netting_funding_reduction = { value: result!.fundingReduction, unit: 'fraction', better: 'higher' }
metrics.netting_instructions = { value: result!.instructions.length, unit: 'instructions', better: 'lower' }

metrics.load_avg_1m_at_end = { value: loadavg()[0]!, unit: 'load', better: 'lower' }
writeResults(packageDir, '@caldera/compliance', metrics)
