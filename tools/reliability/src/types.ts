/** What one reliability campaign reports; the soak script sums these into its metrics. */
export type CampaignReport = {
  /** Name printed in the soak summary. */
  name: string
  /** Steps executed (model commands, crash-and-restart cycles, fault rounds, inputs tried). */
  steps: number
  /** Processes killed with SIGKILL. */
  kills: number
  /** Value (token base units) locked on a source and neither released, held nor in flight. */
  valueLost: bigint
  /** Messages executed more than once on a destination. */
  messagesDuplicated: number
  /** Hostile inputs driven through public functions and CLI commands. */
  badInputsTried: number
  /** Of those, refused with a clean error (typed error or message, non-zero exit, no partial write). */
  badInputsRefusedCleanly: number
  /** Human-readable lines describing each failure (empty when the campaign held). */
  failures: string[]
}

/** Options shared by every campaign: a seed for reproducible runs and a size (bounded in tests, long in the soak). */
export type CampaignOptions = {
  seed: number
  /** `test` runs a bounded form quickly; `soak` runs the long form. */
  mode: 'test' | 'soak'
  /** Progress lines for long runs. */
  log?: (line: string) => void
}

/** An empty report to start from. */
export function emptyReport(name: string): CampaignReport {
  return {
    name,
    steps: 0,
    kills: 0,
    valueLost: 0n,
    messagesDuplicated: 0,
    badInputsTried: 0,
    badInputsRefusedCleanly: 0,
    failures: [],
  }
}
