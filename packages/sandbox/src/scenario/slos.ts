import { check, inputSchemas } from '../internal/inputs.js'
import type { ScenarioReport, SloResult } from '../report/types.js'
import type { ScenarioSpec } from './spec.js'

/**
 * Checks a run's report against the scenario's objectives: latency and inclusion per domain,
 * the enterprise write rate, and — when the system ran — no value or message lost or
 * duplicated, the breaker's trip latency and the unaffected domains' throughput.
 */
export function evaluateSlos(options: { spec: ScenarioSpec; report: ScenarioReport }): SloResult[] {
  check(inputSchemas.slos, options, 'evaluateSlos options')
  const { spec, report } = options
  const s = spec.slos
  const out: SloResult[] = []
  for (const d of report.domains) {
    out.push({
      name: `${d.name}: inclusion latency p99`,
      target: `≤ ${s.maxLatencyP99Ms} ms`,
      actual: `${d.load.latencyMs.p99} ms`,
      pass: d.load.latencyMs.n > 0 && d.load.latencyMs.p99 <= s.maxLatencyP99Ms,
    })
    const ratio = d.load.accepted === 0 ? 0 : d.load.included / d.load.accepted
    out.push({
      name: `${d.name}: accepted transactions included`,
      target: `≥ ${(s.minInclusionRatio * 100).toFixed(1)} %`,
      actual: `${(ratio * 100).toFixed(2)} % (${d.load.included}/${d.load.accepted})`,
      pass: ratio >= s.minInclusionRatio,
    })
    const domainSpec = spec.domains.find((x) => x.name === d.name)
    const enterpriseShare = domainSpec?.load
      ? (domainSpec.load.mix.find((m) => m.profile === 'enterprise')?.weight ?? 0) /
        domainSpec.load.mix.reduce((a, m) => a + m.weight, 0)
      : d.tier === 'enterprise'
        ? 1
        : 0
    if (enterpriseShare > 0 && s.minEnterpriseWritesPerS > 0) {
      const writes = d.load.sustainedIncludedTxPerS * enterpriseShare
      out.push({
        name: `${d.name}: sustained enterprise writes`,
        target: `≥ ${s.minEnterpriseWritesPerS} writes/s`,
        actual: `${writes.toFixed(0)} writes/s`,
        pass: writes >= s.minEnterpriseWritesPerS,
      })
    }
  }
  const t = report.totals
  if (report.components.some((c) => c.name === 'relayer' && c.status === 'ran')) {
    out.push(
      {
        name: 'value lost',
        target: '= 0 USD',
        actual: `${t.valueLostUsd} µUSD`,
        pass: t.valueLostUsd === '0',
      },
      { name: 'messages lost', target: '= 0', actual: String(t.messagesLost), pass: t.messagesLost === 0 },
      {
        name: 'messages duplicated',
        target: '= 0',
        actual: String(t.messagesDuplicated),
        pass: t.messagesDuplicated === 0,
      },
    )
  }
  if (spec.faults.some((f) => f.kind === 'exploit')) {
    const latency = report.breaker.tripLatencyMs
    out.push({
      name: 'breaker trip latency',
      target: `≤ ${s.maxTripLatencyMs} ms`,
      actual: latency === undefined ? 'no trip' : `${latency} ms`,
      pass: latency !== undefined && latency <= s.maxTripLatencyMs,
    })
    const ratio = t.unaffectedThroughputRatio
    out.push({
      name: 'unaffected domains throughput during the trip',
      target: `≥ ${s.minUnaffectedThroughputRatio}`,
      actual: ratio === undefined ? 'not measured' : ratio.toFixed(3),
      pass: ratio !== undefined && ratio >= s.minUnaffectedThroughputRatio,
    })
  }
  return out
}
