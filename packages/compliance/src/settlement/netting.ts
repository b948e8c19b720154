import { ValidationError } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import type { RateSource } from './fx.js'

/** One obligation: `from` owes `to` an `amount` (base units) of `currency`. */
export type Obligation = { from: string; to: string; currency: string; amount: bigint }

/** One settlement instruction after netting. */
export type SettlementInstruction = { from: string; to: string; currency: string; amount: bigint }

export type NettingResult = {
  /** Settlement instructions: per currency, net payers pay net receivers. */
  instructions: SettlementInstruction[]
  /** Net position of each participant per currency (positive: receives). Zero positions omitted. */
  positions: Record<string, Record<string, bigint>>
  /** Per currency: gross funding (sum of obligations) and net funding (sum of net debits). */
  currencies: Record<string, { obligations: number; gross: bigint; net: bigint; instructions: number }>
  /**
   * 1 − net funding / gross funding, over all currencies valued in the pivot currency when a rate
   * source is given (otherwise the plain sums of base units).
   */
  fundingReduction: number
}

function invalid(index: number, field: string, value: unknown, expected: string): ValidationError {
  return new ValidationError({
    subject: 'obligations',
    issues: [{ path: `obligations[${index}].${field}`, expected, received: String(value) }],
  })
}

/**
 * Multilateral netting: turns many obligations among many participants in many currencies into
 * the net settlement instructions. Per currency the value moved is the minimum possible (the sum
 * of net debit positions) and the number of instructions is at most (payers + receivers − 1):
 * equal and opposite positions are paired first, then the largest payer pays the largest receiver.
 *
 * @param parameters - `obligations`, and `rates` to value the funding reduction across currencies.
 * @returns Instructions, net positions, per-currency funding and the overall funding reduction.
 *
 * @example
 * import { netObligations } from '@caldera/compliance'
 * const { instructions, fundingReduction } = netObligations({ obligations: [
 *   { from: 'A', to: 'B', currency: 'USD', amount: 100n },
 *   { from: 'B', to: 'A', currency: 'USD', amount: 70n },
 * ] }) // [{ from: 'A', to: 'B', currency: 'USD', amount: 30n }], 1 - 30/170
 */
export function netObligations(parameters: {
  obligations: readonly Obligation[]
  /** Rates to value every currency in the rate source's pivot for the overall funding reduction. */
  rates?: RateSource
  /** Decimals of each currency's base units (default 2), for that valuation. */
  decimals?: Readonly<Record<string, number>>
}): NettingResult {
  check(inputSchemas.netting, parameters, 'netting parameters')
  const { obligations, rates } = parameters
  const participantIds = new Map<string, number>()
  const participants: string[] = []
  const currencyIds = new Map<string, number>()
  const currencies: string[] = []
  // per currency: bigint net positions indexed by participant (grown on demand)
  const nets: bigint[][] = []
  const gross: bigint[] = []
  const counts: number[] = []
  const pid = (name: string) => {
    let id = participantIds.get(name)
    if (id === undefined) {
      id = participants.length
      participants.push(name)
      participantIds.set(name, id)
    }
    return id
  }
  for (let i = 0; i < obligations.length; i++) {
    const o = obligations[i]!
    if (typeof o.amount !== 'bigint' || o.amount <= 0n)
      throw invalid(i, 'amount', o.amount, 'a positive bigint')
    if (typeof o.from !== 'string' || o.from === '') throw invalid(i, 'from', o.from, 'a participant id')
    if (typeof o.to !== 'string' || o.to === '') throw invalid(i, 'to', o.to, 'a participant id')
    let c = currencyIds.get(o.currency)
    if (c === undefined) {
      if (typeof o.currency !== 'string' || !/^[A-Z][A-Z0-9]{1,11}$/.test(o.currency))
        throw invalid(i, 'currency', o.currency, 'a currency code such as "USD"')
      c = currencies.length
      currencies.push(o.currency)
      currencyIds.set(o.currency, c)
      nets.push([])
      gross.push(0n)
      counts.push(0)
    }
    const a = pid(o.from)
    const b = pid(o.to)
    const net = nets[c]!
    net[a] = (net[a] ?? 0n) - o.amount
    net[b] = (net[b] ?? 0n) + o.amount
    gross[c] = gross[c]! + o.amount
    counts[c]!++
  }

  const instructions: SettlementInstruction[] = []
  const positions: NettingResult['positions'] = {}
  const summary: NettingResult['currencies'] = {}
  let grossValue = 0
  let netValue = 0
  for (let c = 0; c < currencies.length; c++) {
    const currency = currencies[c]!
    const net = nets[c]!
    const payers: { id: number; amount: bigint }[] = []
    const receivers: { id: number; amount: bigint }[] = []
    const pos: Record<string, bigint> = {}
    let netFunding = 0n
    for (let p = 0; p < net.length; p++) {
      const v = net[p]
      if (v === undefined || v === 0n) continue
      pos[participants[p]!] = v
      if (v < 0n) {
        payers.push({ id: p, amount: -v })
        netFunding -= v
      } else receivers.push({ id: p, amount: v })
    }
    positions[currency] = pos
    const before = instructions.length
    // exact pairs first
    const byAmount = new Map<bigint, number[]>()
    receivers.forEach((r, i) => {
      const list = byAmount.get(r.amount)
      if (list) list.push(i)
      else byAmount.set(r.amount, [i])
    })
    for (const payer of payers) {
      const list = byAmount.get(payer.amount)
      const i = list?.pop()
      if (i === undefined) continue
      const receiver = receivers[i]!
      instructions.push({
        from: participants[payer.id]!,
        to: participants[receiver.id]!,
        currency,
        amount: payer.amount,
      })
      payer.amount = 0n
      receiver.amount = 0n
    }
    const desc = (x: { amount: bigint }, y: { amount: bigint }) =>
      x.amount > y.amount ? -1 : x.amount < y.amount ? 1 : 0
    const ps = payers.filter((p) => p.amount > 0n).sort(desc)
    const rs = receivers.filter((r) => r.amount > 0n).sort(desc)
    let i = 0
    let j = 0
    while (i < ps.length && j < rs.length) {
      const p = ps[i]!
      const r = rs[j]!
      let amount = r.amount
      if (p.amount < amount) amount = p.amount
      instructions.push({ from: participants[p.id]!, to: participants[r.id]!, currency, amount })
      p.amount -= amount
      r.amount -= amount
      if (p.amount === 0n) i++
      if (r.amount === 0n) j++
    }
    summary[currency] = {
      obligations: counts[c]!,
      gross: gross[c]!,
      net: netFunding,
      instructions: instructions.length - before,
    }
    const unit = rates ? rates.rate(currency, rates.pivot) : { num: 1n, den: 1n }
    const scale = 10 ** (parameters.decimals?.[currency] ?? 2)
    grossValue += Number((gross[c]! * unit.num) / unit.den) / scale
    netValue += Number((netFunding * unit.num) / unit.den) / scale
  }
  return {
    instructions,
    positions,
    currencies: summary,
    fundingReduction: grossValue === 0 ? 0 : 1 - netValue / grossValue,
  }
}
