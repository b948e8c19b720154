import { fileURLToPath } from 'node:url'
import { writeResults } from '@caldera/bench-utils'
import { loadBench } from './loadBench.js'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const log = (line: string) => console.log(line)

const load = await loadBench({ txs: Number(process.env.SANDBOX_BENCH_TXS ?? 20_000), log })
const round = (x: number) => Math.round(x)

writeResults(packageDir, '@caldera/sandbox', {
  submit_tx_per_s: { value: round(load.submitTxPerS), unit: '1/s', target: 2_000, better: 'higher' },
  included_tx_per_s: { value: round(load.includedTxPerS), unit: '1/s', better: 'higher' },
  presign_tx_per_s: { value: round(load.signTxPerS), unit: '1/s', better: 'higher' },
})
