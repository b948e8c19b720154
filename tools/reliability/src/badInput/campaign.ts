/**
 * The bad-input campaign: the hostile corpus through every public function of every published
 * package and through every `caldera` command.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDevnet } from '@caldera/devnet'
import { publicActions } from 'viem'
import type { Campaign } from '../campaigns.js'
import { type CampaignOptions, type CampaignReport, emptyReport } from '../types.js'
import { expectedFailures, notDriven } from './config.js'
import { commandCases, commandName, isCommand, runCase } from './driveCommands.js'
import { type CallResult, driveFunction, isDriven } from './driveFunctions.js'
import { loadSurface } from './surface.js'

/** Everything the campaign found, beyond the summed report. */
export type BadInputResult = {
  report: CampaignReport
  functionsDriven: number
  commandsDriven: string[]
  /** Function exports on neither side: not driven and not listed (always empty: every function is driven unless listed). */
  uncovered: string[]
  /** Entries of the not-driven list that no longer name an export. */
  staleListEntries: string[]
  /** Unclean cases in code listed in `expectedFailures` (reported, not failures). */
  expected: string[]
  /** Entries of `expectedFailures` that no longer fail: remove them. */
  fixedExpected: string[]
  /** Strange inputs that a function or command accepted (fine; counted for the log). */
  accepted: number
}

/** Runs the campaign and returns the detailed result. */
export async function runBadInput(options: CampaignOptions): Promise<BadInputResult> {
  const log = options.log ?? (() => {})
  const report = emptyReport('bad input')
  const surface = await loadSurface()
  const allIds = new Set(surface.functions.flatMap((f) => [f.id, ...f.aliases]))
  const staleListEntries = Object.keys(notDriven).filter((id) => !allIds.has(id))
  const driven = surface.functions.filter(isDriven)
  const uncovered = surface.functions.filter((f) => !isDriven(f) && !(f.id in notDriven)).map((f) => f.id)

  const { commands } = await import('@caldera/sdk/cli')
  const commandSet = new Set<unknown>(commands)
  for (const { value } of surface.values) if (isCommand(value)) commandSet.add(value)
  const allCommands = [...commandSet].filter(isCommand)

  const dir = mkdtempSync(join(tmpdir(), 'caldera-bad-input-'))
  const devnet = await startDevnet({ chains: [{ name: 'bad-input' }] })
  const chain = devnet.chains[0]
  if (!chain) throw new Error('devnet started no chain')
  const client = chain.walletClient.extend(publicActions)
  const results: CallResult[] = []
  // A floating promise that rejects would crash a caller's process: record it against the
  // function being driven instead of letting it end this one.
  let current = 'campaign'
  const onUnhandled = (reason: unknown) => {
    results.push({
      functionId: current,
      input: 'any (a promise rejected after the call)',
      expectation: 'bad',
      outcome: {
        kind: 'crashed',
        detail:
          `unhandled rejection: ${reason instanceof Error ? `${reason.constructor.name}: ${reason.message}` : String(reason)}`.slice(
            0,
            200,
          ),
      },
    })
  }
  process.on('unhandledRejection', onUnhandled)
  try {
    for (const fn of driven) {
      current = fn.id
      const started = performance.now()
      results.push(
        ...(await driveFunction(fn, {
          client,
          seed: options.seed,
          generatedPerFunction: options.mode === 'soak' ? 150 : 0,
          callTimeoutMs: options.mode === 'soak' ? 30_000 : 10_000,
        })),
      )
      // Let a floating rejection surface while this function is still the one blamed.
      await new Promise((resolve) => setImmediate(resolve))
      await new Promise((resolve) => setTimeout(resolve, 0))
      const ms = performance.now() - started
      if (ms > 1_000) log(`${fn.id}: ${(ms / 1000).toFixed(1)} s`)
    }
    log(`${driven.length} functions driven`)
    for (const command of allCommands) {
      current = `cli:${commandName(command)}`
      const cases = commandCases(command, { dir, rpcUrl: chain.rpcUrl })
      for (const c of cases)
        results.push(await runCase(command, c, options.mode === 'soak' ? 60_000 : 20_000))
      log(`caldera ${commandName(command)}: ${cases.length} cases`)
    }
  } finally {
    process.off('unhandledRejection', onUnhandled)
    await devnet.stop()
    rmSync(dir, { recursive: true, force: true })
  }

  const expected: string[] = []
  const stillFailing = new Set<string>()
  let accepted = 0
  for (const r of results) {
    if (r.expectation === 'strange' && r.outcome.kind === 'accepted') {
      accepted++
      continue
    }
    report.badInputsTried++
    if (r.outcome.kind === 'refused') {
      report.badInputsRefusedCleanly++
      continue
    }
    const line = `${r.functionId}(${r.input}): ${r.outcome.kind === 'accepted' ? 'accepted a bad input, ' : ''}${r.outcome.detail}`
    if (r.functionId in expectedFailures) {
      expected.push(line)
      stillFailing.add(r.functionId)
    } else report.failures.push(line)
  }
  report.steps = results.length
  const fixedExpected = Object.keys(expectedFailures).filter((id) => !stillFailing.has(id))
  for (const id of staleListEntries)
    report.failures.push(`not-driven list names ${id}, which is not exported`)
  for (const id of uncovered) report.failures.push(`${id} is neither driven nor listed`)
  log(
    `${report.badInputsRefusedCleanly}/${report.badInputsTried} bad inputs refused cleanly, ${accepted} strange inputs accepted, ${expected.length} expected failures`,
  )
  return {
    report,
    functionsDriven: driven.length,
    commandsDriven: allCommands.map(commandName),
    uncovered,
    staleListEntries,
    expected,
    fixedExpected,
    accepted,
  }
}

/** The campaign the soak script runs. */
export const badInputCampaign: Campaign = {
  name: 'bad input',
  run: async (options) => {
    const result = await runBadInput(options)
    for (const line of result.expected) result.report.failures.push(`expected (owner fixing): ${line}`)
    return result.report
  },
}
