import { resolve } from 'node:path'
import { parse } from '@caldera/core'
import { z } from 'zod'
import { scenarioPreset } from './presets.js'
import { type RunScenarioReturnType, runScenario } from './runScenario.js'
import { formatProgress, formatSummary } from './summary.js'

export type RunIsolationDrillOptions = {
  /** Report directory (default `sandbox-report` in the working directory). */
  out?: string
  /** Seconds of load (default 20). */
  durationS?: number
  seed?: number
  /** Where progress and the summary go (default stdout). */
  write?: (text: string) => void
}

const optionsSchema = z.object({
  out: z.string().min(1).optional(),
  durationS: z.number().positive().max(3_600).optional(),
  seed: z.number().int().nonnegative().optional(),
  write: z
    .custom<(text: string) => void>((v) => typeof v === 'function', 'a function (text) => void')
    .optional(),
})

/**
 * The main job: runs the isolation drill (three domains under mixed load, a 1.5M USD exploit in
 * the light domain, the breaker cuts it off while the others go on), prints live progress and a
 * short summary with the report's path, and returns the exit code a command line should use
 * (0 when every SLO passed, 1 otherwise).
 *
 * @example
 * import { runIsolationDrill } from '@caldera/sandbox'
 * const { exitCode } = await runIsolationDrill({ out: 'sandbox-report' })
 * process.exitCode = exitCode
 */
export async function runIsolationDrill(
  options: RunIsolationDrillOptions = {},
): Promise<RunScenarioReturnType & { exitCode: number }> {
  const {
    out = 'sandbox-report',
    durationS,
    seed = 1,
    write = (text: string) => {
      process.stdout.write(text)
    },
  } = parse(optionsSchema, options, 'isolation drill options')
  const spec = {
    ...scenarioPreset({ name: 'isolation-drill', seed, ...(durationS !== undefined && { durationS }) }),
    out: resolve(out),
  }
  write('Isolation drill: three domains under mixed load, an exploit in the light domain.\n')
  const result = await runScenario(spec, { onProgress: (p) => write(formatProgress(p)) })
  write(formatSummary({ report: result.report, ...(result.paths && { htmlPath: result.paths.html }) }))
  return { ...result, exitCode: result.report.passed ? 0 : 1 }
}
