import { resolve } from 'node:path'
import { CalderaError } from '@caldera/core'
import { defineCommand } from '@caldera/core/cli'
import { type ScenarioName, scenarioNames, scenarioPreset } from '../scenario/presets.js'
import { runScenario } from '../scenario/runScenario.js'
import type { ScenarioSpecInput } from '../scenario/spec.js'
import { formatProgress, formatSummary } from '../scenario/summary.js'

/**
 * `caldera sandbox run`: runs a named scenario (or all of them) on local chains, prints live
 * progress and a summary with the report's path, and exits 1 when an SLO fails.
 */
export const sandboxRunCommand = defineCommand({
  path: ['sandbox', 'run'],
  summary: 'Runs a scenario (load, faults, breaker) on local chains and writes a JSON + HTML report.',
  usage:
    'caldera sandbox run [--scenario financial|enterprise|light|isolation-drill|all] [--duration <s>] [--out <dir>] [--rpc <name=url> …] [--seed <n>]',
  description: [
    'Exit codes: 0 every SLO passed, 1 an SLO failed (or the run failed), 2 bad arguments.',
    'Example: caldera sandbox run --scenario isolation-drill --out sandbox-report',
  ].join('\n'),
  options: {
    scenario: {
      type: 'string',
      valueName: '<name>',
      description: 'financial, enterprise, light, isolation-drill or all.',
      default: 'isolation-drill',
    },
    duration: { type: 'string', valueName: '<seconds>', description: 'Seconds of load per scenario.' },
    out: {
      type: 'string',
      valueName: '<dir>',
      description: 'Report directory (one subfolder per scenario with --scenario all).',
      default: 'sandbox-report',
    },
    rpc: {
      type: 'string',
      multiple: true,
      valueName: '<name=url>',
      description: 'Use an existing chain for a domain instead of a local one.',
    },
    seed: { type: 'string', valueName: '<n>', description: 'Seed of the generated load (default 1).' },
  },
  async run({ values, io }) {
    const chosen = values.scenario ?? 'isolation-drill'
    if (chosen !== 'all' && !scenarioNames.includes(chosen as ScenarioName))
      throw new CalderaError(`Unknown scenario "${chosen}".`, {
        hint: `Use one of ${[...scenarioNames, 'all'].join(', ')}.`,
      })
    // Decimal numbers only: Number() would read '' as 0 and '0x10' as 16.
    const durationS = values.duration === undefined ? undefined : decimal(values.duration)
    if (durationS !== undefined && !(durationS > 0 && durationS <= 3_600))
      throw new CalderaError(
        `--duration must be seconds between 0 and 3600, got ${JSON.stringify(values.duration)}.`,
      )
    const seed = values.seed === undefined ? 1 : decimal(values.seed)
    if (!Number.isInteger(seed) || seed < 0)
      throw new CalderaError(`--seed must be a non-negative integer, got ${JSON.stringify(values.seed)}.`)
    const rpcs = new Map<string, string>()
    for (const entry of values.rpc ?? []) {
      const at = entry.indexOf('=')
      if (at <= 0) throw new CalderaError(`--rpc takes name=url, got ${JSON.stringify(entry)}.`)
      rpcs.set(entry.slice(0, at), entry.slice(at + 1))
    }
    const names: ScenarioName[] = chosen === 'all' ? [...scenarioNames] : [chosen as ScenarioName]
    const outDir = resolve(io.cwd, values.out ?? 'sandbox-report')
    let failed = 0
    for (const name of names) {
      const preset = scenarioPreset({ name, seed, ...(durationS !== undefined && { durationS }) })
      const used = new Set<string>()
      const spec: ScenarioSpecInput = {
        ...preset,
        domains: preset.domains.map((d) => {
          const url = rpcs.get(d.name)
          if (url === undefined) return d
          used.add(d.name)
          return { ...d, rpcUrl: url }
        }),
        out: names.length > 1 ? resolve(outDir, name) : outDir,
      }
      const unknown = [...rpcs.keys()].filter((k) => !preset.domains.some((d) => d.name === k))
      if (names.length === 1 && unknown.length > 0)
        throw new CalderaError(`--rpc names a domain the scenario does not have: ${unknown.join(', ')}.`, {
          hint: `Domains of ${name}: ${preset.domains.map((d) => d.name).join(', ')}.`,
        })
      io.stdout(`Scenario ${name}\n`)
      const { report, paths } = await runScenario(spec, { onProgress: (p) => io.stdout(formatProgress(p)) })
      io.stdout(formatSummary({ report, ...(paths && { htmlPath: paths.html }) }))
      if (!report.passed) failed++
    }
    return failed === 0 ? 0 : 1
  },
})

function decimal(text: string): number {
  return /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN
}
