import { ComplianceError } from '../errors/compliance.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { type Agent, toPacs009 } from './iso20022.js'
import type { SettlementInstruction } from './netting.js'

/**
 * Turns netting instructions into pacs.009 bank-to-bank credit transfers, one message per
 * currency (ISO 20022 currencies only), each leg with end-to-end id `<prefix>-<n>`.
 *
 * @returns XML messages keyed by currency.
 *
 * @example
 * import { instructionsToPacs009, netObligations } from '@caldera/compliance'
 * const { instructions } = netObligations({ obligations })
 * const messages = instructionsToPacs009({ instructions, agents: { A: { bic: 'CHASUS33' }, B: { bic: 'DEUTDEFF' } }, messageIdPrefix: 'NET-2026-11-25', createdAt: new Date() })
 */
export function instructionsToPacs009(parameters: {
  instructions: readonly SettlementInstruction[]
  /** The institution of each participant. */
  agents: Readonly<Record<string, Agent>>
  messageIdPrefix: string
  createdAt: Date
  settlementMethod?: 'INDA' | 'INGA' | 'COVE' | 'CLRG'
  /** Decimals of each currency (default 2). */
  decimals?: Readonly<Record<string, number>>
}): Record<string, string> {
  check(inputSchemas.pacs009, parameters, 'pacs.009 parameters')
  const byCurrency = new Map<string, SettlementInstruction[]>()
  for (const i of parameters.instructions) {
    const list = byCurrency.get(i.currency)
    if (list) list.push(i)
    else byCurrency.set(i.currency, [i])
  }
  const agent = (participant: string) => {
    const a = parameters.agents[participant]
    if (!a)
      throw new ComplianceError(`No agent (BIC, LEI or name) for participant ${participant}.`, {
        hint: 'Add it to `agents`.',
      })
    return a
  }
  const out: Record<string, string> = {}
  for (const [currency, list] of byCurrency) {
    const messageId = `${parameters.messageIdPrefix}-${currency}`.slice(0, 35)
    out[currency] = toPacs009({
      messageId,
      createdAt: parameters.createdAt,
      settlementMethod: parameters.settlementMethod ?? 'CLRG',
      transactions: list.map((i, n) => ({
        endToEndId: `${messageId}-${n + 1}`.slice(-35),
        amount: i.amount,
        currency,
        decimals: parameters.decimals?.[currency] ?? 2,
        debtor: agent(i.from),
        creditor: agent(i.to),
      })),
    })
  }
  return out
}
