import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parse } from '@caldera/core'
import { defineCommand } from '@caldera/core/cli'
import { z } from 'zod'
import { amlConfigSchema } from '../aml/config.js'
import { createAmlMonitor } from '../aml/createAmlMonitor.js'
import { ComplianceError } from '../errors/compliance.js'
import { readTransactionFile } from '../io/readTransactionFile.js'
import { ofacEthVersions } from '../sanctions/ofacEth.js'
import { createSanctionsList, sanctionsListVersionSchema } from '../sanctions/sanctionsList.js'

/** The `--config` file of `caldera aml scan`. */
export const amlScanConfigSchema = z.object({
  /** AML monitor configuration (see `amlConfigSchema`). */
  monitor: amlConfigSchema.prefault({}),
  sanctions: z
    .object({
      /** Screen against the bundled, versioned OFAC ETH list (default true). */
      bundledOfac: z.boolean().default(true),
      /** More versions (snapshots, additions, delistings) applied on top. */
      versions: z.array(sanctionsListVersionSchema).default([]),
    })
    .prefault({}),
})

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(tmp, text)
    await rename(tmp, path)
  } catch (error) {
    await rm(tmp, { force: true })
    throw error
  }
}

/**
 * `caldera aml scan <file> [--config file] [--out alerts.json]`: runs an AMLSim
 * `transactions.csv` or a JSONL of chain transfers through the AML monitor and writes the alerts
 * (rule, evidence transaction ids, account ids, reason, risk scores) as JSON, atomically.
 */
export const amlScanCommand = defineCommand({
  path: ['aml', 'scan'],
  summary:
    'Screens a transaction file (AMLSim transactions.csv or JSONL transfers) and writes the AML alerts.',
  usage: 'caldera aml scan <file> [--config <file>] [--out <alerts.json>]',
  options: {
    config: { type: 'string', description: 'JSON config: { monitor, sanctions }.', valueName: '<file>' },
    out: {
      type: 'string',
      description: 'Write the alerts JSON here (atomically) instead of stdout.',
      valueName: '<alerts.json>',
    },
  },
  positionals: [
    { name: 'file', required: true, description: 'transactions.csv (AMLSim) or transfers .jsonl' },
  ],
  description:
    'Bad rows are reported on stderr with their line and column; the rest of the file is still scanned and the report goes to stdout (--out is written only when every row was read).\nExit codes: 0 scanned cleanly, 1 some rows were rejected (or the file could not be read), 2 usage.',
  async run({ values, positionals, io }) {
    const file = resolve(io.cwd, positionals[0]!)
    let configInput: unknown = {}
    if (values.config !== undefined) {
      const path = resolve(io.cwd, values.config)
      let text: string
      try {
        text = await readFile(path, 'utf8')
        configInput = JSON.parse(text)
      } catch (error) {
        throw new ComplianceError(`Cannot read the config file ${values.config}.`, { cause: error })
      }
    }
    const config = parse(amlScanConfigSchema, configInput, `config file ${values.config ?? ''}`.trim())
    const versions = [...(config.sanctions.bundledOfac ? ofacEthVersions : []), ...config.sanctions.versions]
    const sanctions = versions.length > 0 ? [createSanctionsList({ name: 'OFAC SDN (ETH)', versions })] : []
    const monitor = createAmlMonitor({ config: config.monitor, sanctions })
    let badRows = 0
    try {
      for await (const item of readTransactionFile({ path: file })) {
        if (item.error) {
          badRows++
          io.stderr(`${item.error.shortMessage}\n`)
        } else monitor.ingest(item.tx)
      }
    } catch (error) {
      throw new ComplianceError(`Cannot read ${positionals[0]}.`, { cause: error })
    }
    monitor.close()
    const stats = monitor.stats()
    const report = {
      file: positionals[0],
      transactions: stats.transactions,
      badRows,
      alerts: monitor.alerts(),
      riskScores: monitor.riskScores(),
      auditHead: monitor.audit.head(),
    }
    const text = `${JSON.stringify(report, null, 2)}\n`
    if (values.out !== undefined && badRows > 0) {
      // A failed scan leaves --out untouched: the report of the readable rows goes to stdout.
      io.stdout(text)
      io.stderr(`${values.out} was not written: ${badRows} bad rows rejected. Fix them and scan again.\n`)
    } else if (values.out !== undefined) {
      const out = resolve(io.cwd, values.out)
      await writeAtomically(out, text)
      io.stdout(
        `Scanned ${stats.transactions} transactions${badRows ? ` (${badRows} bad rows skipped)` : ''}: ${report.alerts.length} alerts written to ${values.out}.\n`,
      )
    } else io.stdout(text)
    return badRows > 0 ? 1 : 0
  },
})
