import { check, inputSchemas } from '../internal/inputs.js'
import type { AmlAlert } from './types.js'

/** A case: one account, its risk score and the alerts that involve it. */
export type AmlCase = {
  caseId: string
  account: string
  riskScore: number
  alerts: AmlAlert[]
}

/**
 * Groups alerts into one case per involved account (highest risk first); the score is the
 * account's latest risk score.
 *
 * @example
 * import { buildCases } from '@caldera/compliance'
 * const cases = buildCases({ alerts: monitor.alerts() })
 */
export function buildCases(parameters: { alerts: readonly AmlAlert[] }): AmlCase[] {
  check(inputSchemas.alerts, parameters, 'buildCases parameters')
  const byAccount = new Map<string, AmlCase>()
  for (const alert of parameters.alerts) {
    for (const account of alert.accounts) {
      let c = byAccount.get(account)
      if (!c) {
        c = { caseId: '', account, riskScore: 0, alerts: [] }
        byAccount.set(account, c)
      }
      c.alerts.push(alert)
      c.riskScore = alert.riskScores[account] ?? c.riskScore
    }
  }
  const cases = [...byAccount.values()].sort(
    (a, b) => b.riskScore - a.riskScore || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
  )
  cases.forEach((c, i) => {
    c.caseId = `CASE-${String(i + 1).padStart(6, '0')}`
  })
  return cases
}

function csvField(value: string | number): string {
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Exports cases as JSON (an object with `cases`) or CSV (one row per case and alert: case id,
 * account, risk score, alert id, rule id and version, timestamp, evidence ids joined with `;`,
 * accounts joined with `;`, reason).
 *
 * @example
 * import { exportCases } from '@caldera/compliance'
 * const csv = exportCases({ alerts: monitor.alerts(), format: 'csv' })
 */
export function exportCases(parameters: { alerts: readonly AmlAlert[]; format: 'json' | 'csv' }): string {
  check(inputSchemas.exportCases, parameters, 'exportCases parameters')
  const cases = buildCases(parameters)
  if (parameters.format === 'json') return `${JSON.stringify({ cases }, null, 2)}\n`
  const rows = [
    'case_id,account,risk_score,alert_id,rule_id,rule_version,timestamp,evidence_tx_ids,accounts,reason',
  ]
  for (const c of cases)
    for (const a of c.alerts)
      rows.push(
        [
          c.caseId,
          c.account,
          c.riskScore,
          a.id,
          a.ruleId,
          a.ruleVersion,
          a.timestamp,
          a.evidence.join(';'),
          a.accounts.join(';'),
          a.reason,
        ]
          .map(csvField)
          .join(','),
      )
  return `${rows.join('\n')}\n`
}
