import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { check, inputSchemas } from '../internal/inputs.js'
import { renderReportHtml } from './html.js'
import type { ScenarioReport } from './types.js'

/**
 * Writes `report.json` and the self-contained `report.html` of a run into `dir` (created when
 * missing) and returns both paths.
 *
 * @example
 * import { writeReport } from '@caldera/sandbox'
 * const { html } = await writeReport({ report, dir: 'sandbox-report' })
 */
export async function writeReport(options: { report: ScenarioReport; dir: string }): Promise<{
  json: string
  html: string
}> {
  check(inputSchemas.writeReport, options, 'writeReport options')
  const { report, dir } = options
  const out = resolve(dir)
  await mkdir(out, { recursive: true })
  const json = join(out, 'report.json')
  const html = join(out, 'report.html')
  await writeFile(
    json,
    `${JSON.stringify(report, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
  )
  await writeFile(html, renderReportHtml(report))
  return { json, html }
}
