/** Escapes text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The report's palette (color-blind friendly). */
export const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442']

const W = 760
const H = 260
const M = { top: 20, right: 20, bottom: 36, left: 60 }

function niceMax(value: number): number {
  if (!(value > 0)) return 1
  const exp = 10 ** Math.floor(Math.log10(value))
  const f = value / exp
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * exp
}

function fmt(x: number): string {
  if (Math.abs(x) >= 1e6) return `${(x / 1e6).toFixed(1)}M`
  if (Math.abs(x) >= 1e3) return `${(x / 1e3).toFixed(1)}k`
  return Number.isInteger(x) ? String(x) : x.toFixed(1)
}

function axes({
  xMax,
  yMax,
  xLabel,
  yLabel,
  xTicks = true,
}: {
  xMax: number
  yMax: number
  xLabel: string
  yLabel: string
  xTicks?: boolean
}): string {
  const pw = W - M.left - M.right
  const ph = H - M.top - M.bottom
  const parts: string[] = []
  for (let i = 0; i <= 4; i++) {
    const y = M.top + ph - (ph * i) / 4
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`,
      `<text x="${M.left - 6}" y="${y + 4}" text-anchor="end" class="tick">${fmt((yMax * i) / 4)}</text>`,
    )
  }
  for (let i = 0; xTicks && i <= 5; i++) {
    const x = M.left + (pw * i) / 5
    parts.push(
      `<text x="${x}" y="${H - M.bottom + 16}" text-anchor="middle" class="tick">${fmt((xMax * i) / 5)}</text>`,
    )
  }
  parts.push(
    `<text x="${M.left + pw / 2}" y="${H - 4}" text-anchor="middle" class="axis">${escapeHtml(xLabel)}</text>`,
    `<text x="14" y="${M.top + ph / 2}" text-anchor="middle" class="axis" transform="rotate(-90 14 ${M.top + ph / 2})">${escapeHtml(yLabel)}</text>`,
  )
  return parts.join('')
}

function legend(items: { name: string; color: string; dashed?: boolean }[]): string {
  return `<div class="legend">${items
    .map(
      (i) =>
        `<span><i style="background:${i.color};${i.dashed ? 'opacity:.5' : ''}"></i>${escapeHtml(i.name)}</span>`,
    )
    .join('')}</div>`
}

/** A line series. */
export type LineSeries = { name: string; color: string; points: [number, number][]; dashed?: boolean }

/**
 * A line chart as inline SVG: one path per series, vertical markers (faults, trips) with labels.
 */
export function lineChart({
  id,
  series,
  markers = [],
  xLabel,
  yLabel,
}: {
  id: string
  series: LineSeries[]
  markers?: { x: number; label: string; color: string }[]
  xLabel: string
  yLabel: string
}): string {
  const xMax = niceMax(
    Math.max(1, ...series.flatMap((s) => s.points.map((p) => p[0])), ...markers.map((m) => m.x)),
  )
  const yMax = niceMax(Math.max(1, ...series.flatMap((s) => s.points.map((p) => p[1]))))
  const pw = W - M.left - M.right
  const ph = H - M.top - M.bottom
  const sx = (x: number) => (M.left + (pw * x) / xMax).toFixed(1)
  const sy = (y: number) => (M.top + ph - (ph * y) / yMax).toFixed(1)
  const paths = series
    .filter((s) => s.points.length > 0)
    .map(
      (s) =>
        `<path data-series="${escapeHtml(s.name)}" d="${s.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p[0])} ${sy(p[1])}`).join('')}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4" opacity=".6"' : ''}><title>${escapeHtml(s.name)}</title></path>`,
    )
  const marks = markers.map(
    (m, i) =>
      `<line x1="${sx(m.x)}" x2="${sx(m.x)}" y1="${M.top}" y2="${H - M.bottom}" stroke="${m.color}" stroke-dasharray="3 3"/><text x="${Number(sx(m.x)) + 3}" y="${M.top + 10 + (i % 4) * 11}" class="marker" fill="${m.color}">${escapeHtml(m.label)}</text>`,
  )
  return `<figure><svg data-chart="${id}" viewBox="0 0 ${W} ${H}" role="img">${axes({ xMax, yMax, xLabel, yLabel })}${paths.join('')}${marks.join('')}</svg>${legend(series)}</figure>`
}

/** A grouped bar chart as inline SVG: one group per label, one bar per named value. */
export function barChart({
  id,
  groups,
  yLabel,
}: {
  id: string
  groups: { label: string; bars: { name: string; value: number; color: string }[] }[]
  yLabel: string
}): string {
  const yMax = niceMax(Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.value))))
  const pw = W - M.left - M.right
  const ph = H - M.top - M.bottom
  const gw = pw / Math.max(1, groups.length)
  const parts: string[] = [axes({ xMax: 1, yMax, xLabel: '', yLabel, xTicks: false })]
  groups.forEach((g, gi) => {
    const bw = Math.min(70, (gw * 0.8) / Math.max(1, g.bars.length))
    const inset = (gw - bw * g.bars.length) / 2
    g.bars.forEach((b, bi) => {
      const h = (ph * b.value) / yMax
      const x = M.left + gi * gw + inset + bi * bw
      const y = M.top + ph - h
      parts.push(
        `<path data-bar="${escapeHtml(`${g.label}/${b.name}`)}" d="M${x.toFixed(1)} ${(M.top + ph).toFixed(1)}V${y.toFixed(1)}H${(x + bw - 2).toFixed(1)}V${(M.top + ph).toFixed(1)}Z" fill="${b.color}"><title>${escapeHtml(`${g.label} ${b.name}: ${fmt(b.value)}`)}</title></path>`,
        `<text x="${(x + bw / 2 - 1).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" class="value">${fmt(b.value)}</text>`,
      )
    })
    parts.push(
      `<text x="${(M.left + gi * gw + gw / 2).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" class="tick">${escapeHtml(g.label)}</text>`,
    )
  })
  const names = [...new Map(groups.flatMap((g) => g.bars.map((b) => [b.name, b.color] as const))).entries()]
  return `<figure><svg data-chart="${id}" viewBox="0 0 ${W} ${H}" role="img">${parts.join('')}</svg>${legend(names.map(([name, color]) => ({ name, color })))}</figure>`
}

/**
 * A timeline as inline SVG: one row per lane (domain), spans (e.g. isolated) as bars and events as
 * labelled ticks.
 */
export function timelineChart({
  id,
  lanes,
  xMax: xMaxIn,
}: {
  id: string
  lanes: {
    name: string
    spans: { from: number; to: number; color: string; label: string }[]
    events: { t: number; label: string; color: string }[]
  }[]
  xMax: number
}): string {
  const xMax = niceMax(Math.max(1, xMaxIn))
  const rowH = 44
  const h = M.top + lanes.length * rowH + M.bottom
  const pw = W - M.left - M.right
  const sx = (x: number) => M.left + (pw * Math.min(x, xMax)) / xMax
  const parts: string[] = []
  lanes.forEach((lane, i) => {
    const y = M.top + i * rowH
    parts.push(
      `<text x="${M.left - 6}" y="${y + rowH / 2 + 4}" text-anchor="end" class="tick">${escapeHtml(lane.name)}</text>`,
      `<path d="M${M.left} ${y + rowH / 2}H${W - M.right}" stroke="#d1d5db" stroke-width="8"/>`,
    )
    for (const s of lane.spans) {
      parts.push(
        `<path data-span="${escapeHtml(s.label)}" d="M${sx(s.from).toFixed(1)} ${y + rowH / 2 - 6}H${Math.max(sx(s.to), sx(s.from) + 2).toFixed(1)}V${y + rowH / 2 + 6}H${sx(s.from).toFixed(1)}Z" fill="${s.color}"><title>${escapeHtml(s.label)}</title></path>`,
      )
    }
    lane.events.forEach((e, k) => {
      const x = sx(e.t).toFixed(1)
      parts.push(
        `<path data-event="${escapeHtml(e.label)}" d="M${x} ${y + 6}V${y + rowH - 6}" stroke="${e.color}" stroke-width="2"><title>${escapeHtml(`${e.t.toFixed(2)} s: ${e.label}`)}</title></path>`,
        `<text x="${Number(x) + 3}" y="${y + 10 + (k % 2) * 30}" class="marker" fill="${e.color}">${escapeHtml(e.label)}</text>`,
      )
    })
  })
  for (let i = 0; i <= 5; i++) {
    parts.push(
      `<text x="${M.left + (pw * i) / 5}" y="${h - M.bottom + 16}" text-anchor="middle" class="tick">${fmt((xMax * i) / 5)}</text>`,
    )
  }
  parts.push(`<text x="${M.left + pw / 2}" y="${h - 4}" text-anchor="middle" class="axis">seconds</text>`)
  return `<figure><svg data-chart="${id}" viewBox="0 0 ${W} ${h}" role="img">${parts.join('')}</svg></figure>`
}
