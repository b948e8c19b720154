export { percentile, type Summary, summarize } from './percentile.js'
export { type BenchMetric, type BenchResults, printTable, writeResults } from './results.js'
export { measure, timeIt } from './timing.js'
