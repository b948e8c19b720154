/**
 * The long form of the reliability campaigns: value conservation (stateful property runs on anvil),
 * crash consistency (SIGKILL of the relayer and watcher, at least 100 seeded runs), RPC faults per
 * chain, and the hostile-input corpus. Prints the totals and writes bench/results/latest.json.
 * Usage: pnpm soak [--seed <n>]
 */
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeResults } from '@caldera/bench-utils'
import { campaigns } from '../src/campaigns.js'
import type { CampaignReport } from '../src/types.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { seed: { type: 'string', default: '20261125' } } })
const seed = Number(values.seed)
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`)

const reports: CampaignReport[] = []
for (const campaign of campaigns) {
  const started = performance.now()
  console.log(`\n== ${campaign.name} (seed ${seed})`)
  const report = await campaign.run({ seed, mode: 'soak', log: (line) => console.log(`  ${line}`) })
  reports.push(report)
  console.log(
    `   ${report.steps} steps, ${report.kills} kills, value lost ${report.valueLost}, duplicated ${report.messagesDuplicated}, bad inputs ${report.badInputsRefusedCleanly}/${report.badInputsTried} refused cleanly, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  for (const failure of report.failures) console.log(`   FAIL ${failure}`)
}

const sum = (pick: (r: CampaignReport) => number) => reports.reduce((total, r) => total + pick(r), 0)
const valueLost = reports.reduce((total, r) => total + r.valueLost, 0n)
const tried = sum((r) => r.badInputsTried)
const refused = sum((r) => r.badInputsRefusedCleanly)
writeResults(packageDir, '@caldera/reliability', {
  soak_steps: { value: sum((r) => r.steps), unit: 'steps', better: 'higher' },
  soak_kills: { value: sum((r) => r.kills), unit: 'kills', better: 'higher' },
  value_lost: { value: Number(valueLost), unit: 'base units', target: 0, better: 'lower' },
  messages_duplicated: {
    value: sum((r) => r.messagesDuplicated),
    unit: 'messages',
    target: 0,
    better: 'lower',
  },
  bad_inputs_tried: { value: tried, unit: 'inputs', better: 'higher' },
  bad_inputs_refused_cleanly_ratio: {
    value: tried === 0 ? 0 : Number((refused / tried).toFixed(4)),
    unit: 'ratio',
    target: 1,
    better: 'higher',
  },
})
const failed = reports.some((r) => r.failures.length > 0) || valueLost !== 0n
process.exit(failed ? 1 : 0)
