import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BenchMetric, writeResults } from '@caldera/bench-utils'
import { scenarioPreset } from '../src/scenario/presets.js'
import { runScenario } from '../src/scenario/runScenario.js'
import { formatSummary } from '../src/scenario/summary.js'
import { loadBench } from './loadBench.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const log = (line: string) => console.log(line)
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits

// 1. The generator against one anvil: pre-signed, batched JSON-RPC, interval mining.
const load = await loadBench({ txs: Number(process.env.SANDBOX_BENCH_TXS ?? 20_000), log })

// 2. The isolation drill: three domains under mixed load, an exploit in the light domain.
const out = mkdtempSync(join(tmpdir(), 'caldera-sandbox-bench-'))
const { report, paths } = await runScenario({
  ...scenarioPreset({ name: 'isolation-drill', durationS: Number(process.env.SANDBOX_BENCH_DRILL_S ?? 20) }),
  out,
})
log(formatSummary({ report, ...(paths && { htmlPath: paths.html }) }))

const metrics: Record<string, BenchMetric> = {
  submit_tx_per_s: { value: round(load.submitTxPerS), unit: '1/s', target: 2_000, better: 'higher' },
  included_tx_per_s: { value: round(load.includedTxPerS), unit: '1/s', better: 'higher' },
  presign_tx_per_s: { value: round(load.signTxPerS), unit: '1/s', better: 'higher' },
  drill_trip_latency_ms: {
    value: report.breaker.tripLatencyMs ?? -1,
    unit: 'ms',
    target: 1_000,
    better: 'lower',
  },
  drill_value_lost: {
    value: Number(report.totals.valueLostUsd) / 1e6,
    unit: 'USD',
    target: 0,
    better: 'lower',
  },
  drill_messages_lost_or_duplicated: {
    value: report.totals.messagesLost + report.totals.messagesDuplicated,
    unit: 'messages',
    target: 0,
    better: 'lower',
  },
  drill_unaffected_throughput_ratio: {
    value: round(report.totals.unaffectedThroughputRatio ?? 0, 3),
    unit: 'ratio',
    target: 0.9,
    better: 'higher',
  },
}
for (const d of report.domains) {
  metrics[`drill_${d.name}_included_tx_per_s`] = {
    value: d.load.sustainedIncludedTxPerS,
    unit: '1/s',
    better: 'higher',
  }
  metrics[`drill_${d.name}_latency_p99_ms`] = { value: d.load.latencyMs.p99, unit: 'ms', better: 'lower' }
  if (d.system.verificationGasPerMessage !== undefined)
    metrics[`drill_verification_gas_per_message_${d.tier}`] = {
      value: d.system.verificationGasPerMessage,
      unit: 'gas',
      better: 'lower',
    }
}
writeResults(packageDir, '@caldera/sandbox', metrics)
