import { formatUsd } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import { barChart, escapeHtml, type LineSeries, lineChart, palette, timelineChart } from './svg.js'
import type { ScenarioReport } from './types.js'

const tierColor: Record<string, string> = { financial: '#0072b2', enterprise: '#009e73', light: '#e69f00' }

function usd(microDollars: string): string {
  return `$${formatUsd(BigInt(microDollars))}`
}

function card(label: string, value: string, ok?: boolean): string {
  const cls = ok === undefined ? '' : ok ? ' ok' : ' bad'
  return `<div class="card${cls}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`
}

/**
 * Renders a scenario report as one self-contained HTML page: inline CSS, inline SVG charts
 * (throughput over time, latency percentiles, cost by tier, gas per block, the breaker's
 * timeline) and the SLO table. Nothing is loaded from the network; a small inline script checks
 * that every chart laid out and marks `<body data-charts-rendered="N">`.
 *
 * @example
 * import { renderReportHtml } from '@caldera/sandbox'
 * writeFileSync('report.html', renderReportHtml(report))
 */
export function renderReportHtml(report: ScenarioReport): string {
  check(inputSchemas.report, report, 'report')
  const colorOf = (i: number, tier: string) => tierColor[tier] ?? palette[i % palette.length]!
  const markers = [
    ...report.faults.map((f) => ({ x: f.t, label: `${f.kind} (${f.domain})`, color: '#6b7280' })),
    ...report.breaker.timeline
      .filter((e) => e.event === 'trip' || e.event === 'isolated')
      .map((e) => ({ x: e.t, label: `${e.event}: ${e.domain}`, color: '#d55e00' })),
  ]
  const throughput: LineSeries[] = report.domains.flatMap((d, i) => [
    {
      name: `${d.name} included`,
      color: colorOf(i, d.tier),
      points: d.load.series.t.map((t, k) => [t + 0.5, d.load.series.included[k]!] as [number, number]),
    },
    {
      name: `${d.name} submitted`,
      color: colorOf(i, d.tier),
      dashed: true,
      points: d.load.series.t.map((t, k) => [t + 0.5, d.load.series.submitted[k]!] as [number, number]),
    },
  ])
  const gasSeries: LineSeries[] = report.domains.map((d, i) => ({
    name: d.name,
    color: colorOf(i, d.tier),
    points: d.load.blocks.map((b) => [b.t, b.gasUsed / 1e6] as [number, number]),
  }))
  const latency = barChart({
    id: 'latency',
    yLabel: 'inclusion latency (ms)',
    groups: report.domains.map((d) => ({
      label: `${d.name} (${d.tier})`,
      bars: [
        { name: 'p50', value: d.load.latencyMs.p50, color: '#56b4e9' },
        { name: 'p90', value: d.load.latencyMs.p90, color: '#0072b2' },
        { name: 'p99', value: d.load.latencyMs.p99, color: '#d55e00' },
      ],
    })),
  })
  const kinds = [...new Set(report.domains.flatMap((d) => Object.keys(d.load.gasPerTx)))]
  const cost = barChart({
    id: 'cost',
    yLabel: 'gas',
    groups: report.domains.map((d) => ({
      label: `${d.tier}`,
      bars: [
        ...kinds
          .filter((k) => d.load.gasPerTx[k] !== undefined)
          .map((k, i) => ({
            name: `${k} / tx`,
            value: d.load.gasPerTx[k]!,
            color: palette[(i + 1) % palette.length]!,
          })),
        ...(d.system.verificationGasPerMessage !== undefined
          ? [{ name: 'verification / message', value: d.system.verificationGasPerMessage, color: '#cc79a7' }]
          : []),
      ],
    })),
  })
  const timeline = timelineChart({
    id: 'breaker',
    xMax: report.durationS,
    lanes: report.domains.map((d) => {
      const events = report.breaker.timeline.filter((e) => e.domain === d.name)
      const spans: { from: number; to: number; color: string; label: string }[] = []
      let open: number | undefined
      for (const e of events) {
        if ((e.event === 'isolated' || e.event === 'trip') && open === undefined) open = e.t
        if (e.event === 'reset' && open !== undefined) {
          spans.push({ from: open, to: e.t, color: '#fca5a5', label: `${d.name} isolated` })
          open = undefined
        }
      }
      if (open !== undefined)
        spans.push({ from: open, to: report.durationS, color: '#fca5a5', label: `${d.name} isolated` })
      const faults = report.faults
        .filter((f) => f.domain === d.name)
        .map((f) => ({ t: f.t, label: f.kind, color: '#6b7280' }))
      return {
        name: d.name,
        spans,
        events: [...faults, ...events.map((e) => ({ t: e.t, label: e.event, color: '#d55e00' }))],
      }
    }),
  })
  const t = report.totals
  const sloRows = report.slos
    .map(
      (s) =>
        `<tr class="${s.pass ? 'ok' : 'bad'}"><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.target)}</td><td>${escapeHtml(s.actual)}</td><td>${s.pass ? 'PASS' : 'FAIL'}</td></tr>`,
    )
    .join('')
  const domainRows = report.domains
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.name)}</td><td>${d.tier}</td><td>${d.chainId}</td><td>${d.load.sent}</td><td>${d.load.included}</td><td>${d.load.reverted}</td><td>${d.load.submitTxPerS}</td><td>${d.load.includedTxPerS}</td><td>${d.load.latencyMs.p50} / ${d.load.latencyMs.p90} / ${d.load.latencyMs.p99}</td><td>${escapeHtml(d.system.status ?? '')}</td></tr>`,
    )
    .join('')
  const timelineRows = report.breaker.timeline
    .map(
      (e) =>
        `<tr><td>${e.t.toFixed(3)}</td><td>${escapeHtml(e.domain)}</td><td>${escapeHtml(e.event)}</td><td>${escapeHtml(e.detail)}</td></tr>`,
    )
    .join('')
  const faultRows = report.faults
    .map(
      (f) =>
        `<tr><td>${f.t.toFixed(2)}</td><td>${escapeHtml(f.kind)}</td><td>${escapeHtml(f.domain)}</td><td>${escapeHtml(f.detail)}</td><td>${f.durationMs ?? ''}</td></tr>`,
    )
    .join('')
  const componentRows = report.components
    .map(
      (c) =>
        `<tr class="${c.status === 'ran' ? 'ok' : 'bad'}"><td>${escapeHtml(c.name)}</td><td>${c.status}</td><td>${escapeHtml(c.detail)}</td></tr>`,
    )
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Caldera sandbox: ${escapeHtml(report.scenario)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:900px;color:#111827;padding:0 12px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.sub{color:#6b7280}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}.card{border:1px solid #e5e7eb;border-radius:8px;padding:8px 12px;min-width:120px}
.card .label{color:#6b7280;font-size:12px}.card .value{font-size:18px;font-weight:600}.card.ok{border-color:#10b981}.card.bad{border-color:#ef4444}
figure{margin:0}svg{width:100%;height:auto}.tick{font-size:11px;fill:#6b7280}.axis{font-size:12px;fill:#374151}.marker{font-size:10px}.value{font-size:10px;fill:#374151}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;color:#374151}.legend i{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left}
tr.ok td:last-child{color:#047857;font-weight:600}tr.bad td:last-child{color:#b91c1c;font-weight:600}
</style></head>
<body data-scenario="${escapeHtml(report.scenario)}" data-passed="${report.passed}">
<h1>${escapeHtml(report.scenario)} — ${report.passed ? 'all SLOs passed' : 'SLO failed'}</h1>
<div class="sub">seed ${report.seed} · started ${escapeHtml(report.startedAt)} · ${report.durationS.toFixed(1)} s · ${escapeHtml(report.machine)}</div>
<div class="cards">${[
    card('SLOs', `${report.slos.filter((s) => s.pass).length}/${report.slos.length} passed`, report.passed),
    card('submitted', `${t.submitTxPerS} tx/s`),
    card('included', `${t.includedTxPerS} tx/s`),
    card('value lost', usd(t.valueLostUsd), t.valueLostUsd === '0'),
    card('value held', usd(t.valueHeldUsd)),
    card(
      'messages lost / dup.',
      `${t.messagesLost} / ${t.messagesDuplicated}`,
      t.messagesLost + t.messagesDuplicated === 0,
    ),
    card(
      'breaker trip',
      report.breaker.tripLatencyMs === undefined ? '—' : `${report.breaker.tripLatencyMs} ms`,
    ),
    card('AML alerts', String(t.amlAlerts)),
  ].join('')}</div>
<h2>SLOs</h2><table id="slos"><tr><th>objective</th><th>target</th><th>actual</th><th></th></tr>${sloRows}</table>
<h2>Throughput over time</h2><p class="sub">Transactions per second by domain: included (solid) and submitted (dashed); faults and trips marked.</p>
${lineChart({ id: 'throughput', series: throughput, markers, xLabel: 'seconds', yLabel: 'tx / s' })}
<h2>Inclusion latency</h2><p class="sub">From the send of the request to the block that includes the transaction being seen.</p>
${latency}
<h2>Cost by tier</h2><p class="sub">Mean gas per transaction of each kind, and gas per verified cross-domain message.</p>
${cost}
<h2>Gas per block</h2>
${lineChart({ id: 'gas', series: gasSeries, xLabel: 'seconds', yLabel: 'million gas' })}
<h2>Breaker timeline</h2>
${timeline}
<table id="timeline"><tr><th>s</th><th>domain</th><th>event</th><th>detail</th></tr>${timelineRows}</table>
<h2>Faults and attacks</h2><table id="faults"><tr><th>s</th><th>kind</th><th>domain</th><th>detail</th><th>ms</th></tr>${faultRows}</table>
<h2>Domains</h2><table id="domains"><tr><th>domain</th><th>tier</th><th>chain</th><th>sent</th><th>included</th><th>reverted</th><th>submit/s</th><th>incl./s</th><th>latency p50/p90/p99 ms</th><th>status</th></tr>${domainRows}</table>
<h2>Components</h2><table id="components"><tr><th>component</th><th>status</th><th>detail</th></tr>${componentRows}</table>
<script>
(function () {
  var charts = document.querySelectorAll('svg[data-chart]');
  var drawn = 0;
  charts.forEach(function (svg) {
    var shapes = svg.querySelectorAll('path');
    var visible = 0;
    shapes.forEach(function (p) { var b = p.getBBox(); if (b.width > 0 || b.height > 0) visible++; });
    svg.setAttribute('data-visible-paths', String(visible));
    if (visible > 0) drawn++;
  });
  document.body.setAttribute('data-charts-rendered', String(drawn));
})();
</script>
</body></html>
`
}
