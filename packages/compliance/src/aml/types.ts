/** A transaction as the AML monitor sees it. Timestamps are seconds; `usd` is micro-dollars. */
export type AmlTransaction = {
  /** Transaction id (hash, AMLSim `tran_id`, …); defaults to `#<sequence>`. */
  id?: string | undefined
  /** Originating account or address. */
  from: string
  /** Beneficiary account or address. */
  to: string
  /** Value in USD micro-dollars (6 decimals). */
  usd: bigint
  /** Seconds since the epoch. */
  timestamp: number
}

/** Rule ids of the monitor. */
export type AmlRuleId =
  | 'sanctions'
  | 'large-value'
  | 'structuring'
  | 'velocity'
  | 'fan-in'
  | 'fan-out'
  | 'cycle'
  | 'scatter-gather'
  | 'gather-scatter'
  | 'bipartite'
  | 'stack'
  | 'peel-chain'
  | 'rapid-pass-through'

/** The graph typologies among the rules. */
export const typologies = [
  'fan-in',
  'fan-out',
  'cycle',
  'scatter-gather',
  'gather-scatter',
  'bipartite',
  'stack',
  'peel-chain',
  'rapid-pass-through',
] as const satisfies readonly AmlRuleId[]
export type Typology = (typeof typologies)[number]

/** An explainable alert. Everything in it is JSON-safe (amounts as decimal strings). */
export type AmlAlert = {
  /** `<ruleId>#<n>`, deterministic for a given input. */
  id: string
  ruleId: AmlRuleId
  ruleVersion: string
  /** Time of the transaction that raised it. */
  timestamp: number
  /** Parameters the rule applied. */
  parameters: Record<string, string | number>
  /** Ids of the transactions that make up the evidence, in time order. */
  evidence: string[]
  /** Accounts involved; the first is the subject. */
  accounts: string[]
  /** One sentence explaining the alert. */
  reason: string
  /** Risk score (0–100) of each involved account after this alert. */
  riskScores: Record<string, number>
}
