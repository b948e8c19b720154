import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { Campaign } from '../campaigns.js'
import { type CampaignOptions, type CampaignReport, emptyReport } from '../types.js'
import { commandArbitrary } from './commands.js'
import { readLedger } from './ledger.js'
import { initialModel, type Real } from './model.js'
import { startCampaignNetwork } from './network.js'

/** Runs and commands per run, and a wall-clock budget after which no new run starts. */
const SIZES = {
  test: { runs: 6, minCommands: 20, maxCommands: 35, budgetMs: 40_000 },
  soak: { runs: 100, minCommands: 30, maxCommands: 60, budgetMs: 8 * 60_000 },
} as const

/**
 * Value conservation as a stateful property test on the real contracts: fast-check generates
 * sequences of sends, relayer passes, holds (transfers over a lane limit or into a cut lane),
 * isolations, lane pauses, releases, refunds, resets, time jumps and replayed deliveries across
 * three anvil chains, runs them against the deployed channel network and the real relayer, and
 * after every step reads the chains and checks that value locked on each source equals value
 * delivered on the destinations + held + refunded + in flight, that no message is executed
 * twice, and that pauses and isolations are what the model expects. Every run starts from an
 * anvil snapshot of the freshly deployed network.
 */
export async function runConservationCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const report = emptyReport('value conservation')
  const size = SIZES[options.mode]
  const started = Date.now()
  const network = await startCampaignNetwork()
  let runs = 0
  const stats: Record<string, number> = {}
  try {
    const property = fc.asyncProperty(
      fc.array(commandArbitrary, { minLength: size.minCommands, maxLength: size.maxCommands }),
      async (commands) => {
        if (Date.now() - started > size.budgetMs) return
        runs++
        await network.revert()
        const queueDir = mkdtempSync(join(tmpdir(), 'caldera-conservation-'))
        try {
          const real: Real = { network, queueDir, report, stats, last: await readLedger(network) }
          await fc.asyncModelRun(() => ({ model: initialModel(), real }), commands)
        } finally {
          rmSync(queueDir, { recursive: true, force: true })
        }
        if (runs === 1 || runs % 10 === 0)
          options.log?.(`run ${runs}: ${commands.map(String).join(', ')}; ${report.steps} steps so far`)
      },
    )
    const result = await fc.check(property, {
      seed: options.seed,
      numRuns: size.runs,
      endOnFailure: true,
    })
    if (result.failed) {
      const error = result.errorInstance
      report.failures.push(
        `${error instanceof Error ? error.message : String(error)} — commands: ${String(result.counterexample?.[0] ?? '?')} (seed ${options.seed}, path ${result.counterexamplePath})`,
      )
    }
  } finally {
    await network.stop()
  }
  options.log?.(
    `${Object.entries(stats)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  options.log?.(`${runs} runs, ${report.steps} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return report
}

/** The value-conservation campaign. */
export const conservationCampaign: Campaign = { name: 'value conservation', run: runConservationCampaign }
