import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

export type BenchMetric = {
  value: number
  unit: string
  /** The target, when there is one. */
  target?: number
  better: 'lower' | 'higher'
}

export type BenchResults = {
  package: string
  machine: string
  at: string
  metrics: Record<string, BenchMetric>
}

function machine(): string {
  const list = cpus()
  return `${list.length} cores (${list[0]?.model.trim() ?? 'unknown cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

function meets(metric: BenchMetric): string {
  if (metric.target === undefined) return ''
  const ok = metric.better === 'lower' ? metric.value <= metric.target : metric.value >= metric.target
  return ok ? 'ok' : 'MISSED'
}

/** Prints the metrics as a table: name, value, unit, target and whether it was met. */
export function printTable(results: Pick<BenchResults, 'package' | 'metrics'>): void {
  const rows = Object.entries(results.metrics).map(([name, m]) => [
    name,
    Number.isInteger(m.value) ? String(m.value) : m.value.toPrecision(4),
    m.unit,
    m.target === undefined ? '' : `${m.better === 'lower' ? '≤' : '≥'} ${m.target}`,
    meets(m),
  ])
  const header = ['metric', 'value', 'unit', 'target', '']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(`\n${results.package}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}

/**
 * Writes `bench/results/latest.json` (the project's results format) under `packageDir`, prints
 * the table, and returns the path.
 */
export function writeResults(
  packageDir: string,
  packageName: string,
  metrics: Record<string, BenchMetric>,
): string {
  const results: BenchResults = {
    package: packageName,
    machine: machine(),
    at: new Date().toISOString(),
    metrics,
  }
  const dir = join(packageDir, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'latest.json')
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`)
  printTable(results)
  console.log(`\nWrote ${path}`)
  return path
}
