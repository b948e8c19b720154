import { formatUsd } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import type { ScenarioReport } from '../report/types.js'
import type { ScenarioProgress } from './runScenario.js'

/**
 * One line of live progress: a phase message, a fault, or the per-domain counts of the second.
 *
 * @example
 * import { formatProgress, runScenario } from '@caldera/sandbox'
 * await runScenario(spec, { onProgress: (p) => process.stdout.write(formatProgress(p)) })
 */
export function formatProgress(p: ScenarioProgress): string {
  check(inputSchemas.progress, p, 'progress')
  if (p.phase === 'load')
    return `[${p.t.toFixed(1).padStart(5)} s] ${p.domains.map((d) => `${d.name} sent ${d.sent} incl ${d.included}`).join(' | ')}\n`
  return `${p.phase === 'fault' ? '! ' : '- '}${p.message}\n`
}

/**
 * A short plain-text summary of a run: verdict, breaker, losses, throughput per domain, failed
 * SLOs and the report's path.
 *
 * @example
 * import { formatSummary } from '@caldera/sandbox'
 * console.log(formatSummary({ report, htmlPath: paths.html }))
 */
export function formatSummary(options: { report: ScenarioReport; htmlPath?: string }): string {
  check(inputSchemas.summary, options, 'formatSummary options')
  const { report, htmlPath } = options
  const passed = report.slos.filter((s) => s.pass).length
  const t = report.totals
  const lines = [
    `${report.scenario}: ${report.passed ? 'PASSED' : 'FAILED'} (${passed}/${report.slos.length} SLOs) in ${report.durationS} s`,
  ]
  if (report.breaker.tripLatencyMs !== undefined) {
    const isolated = report.breaker.timeline.filter(
      (e) => e.event === 'isolated' || e.event === 'lane-paused',
    )
    lines.push(
      `  breaker tripped in ${report.breaker.tripLatencyMs} ms (${isolated.length} isolation step(s): ${[...new Set(isolated.map((e) => e.detail))].slice(0, 3).join('; ')})`,
    )
  }
  if (report.components.some((c) => c.name === 'relayer' && c.status === 'ran')) {
    lines.push(
      `  value lost $${formatUsd(BigInt(t.valueLostUsd))}, held $${formatUsd(BigInt(t.valueHeldUsd))}; messages ${t.messagesDelivered}/${t.messagesSent} delivered, lost ${t.messagesLost}, duplicated ${t.messagesDuplicated}; AML alerts ${t.amlAlerts}`,
    )
  }
  lines.push(
    `  ${report.domains
      .map(
        (d) =>
          `${d.name} ${d.load.sustainedIncludedTxPerS} tx/s (p99 ${Math.round(d.load.latencyMs.p99)} ms)`,
      )
      .join(', ')}`,
  )
  if (t.unaffectedThroughputRatio !== undefined)
    lines.push(
      `  unaffected domains kept ${(t.unaffectedThroughputRatio * 100).toFixed(1)} % of their throughput during the trip`,
    )
  for (const s of report.slos.filter((x) => !x.pass))
    lines.push(`  FAILED ${s.name}: ${s.actual} (target ${s.target})`)
  for (const c of report.components.filter((x) => x.status === 'unavailable'))
    lines.push(`  not run: ${c.name} (${c.detail})`)
  if (htmlPath) lines.push(`  report: ${htmlPath}`)
  return `${lines.join('\n')}\n`
}
