import { createRandom, parse } from '@caldera/core'
import { z } from 'zod'
import { check, inputSchemas } from '../internal/inputs.js'
import type { AmlTransaction } from './types.js'

/** Typologies the generator plants: the nine graph typologies and structuring. */
export const plantedTypologies = [
  'fan-in',
  'fan-out',
  'cycle',
  'scatter-gather',
  'gather-scatter',
  'bipartite',
  'stack',
  'peel-chain',
  'rapid-pass-through',
  'structuring',
] as const
export type PlantedTypology = (typeof plantedTypologies)[number]

/** A generated transaction with its AMLSim-style labels. */
export type LabelledTransaction = AmlTransaction & {
  id: string
  /** AMLSim `tx_type`. */
  type: 'TRANSFER'
  /** Part of a planted pattern. */
  isSar: boolean
  /** Pattern index, -1 for background traffic. */
  alertId: number
}

/** A planted pattern: its typology, accounts and transaction ids. */
export type PlantedPattern = {
  alertId: number
  typology: PlantedTypology
  accounts: string[]
  transactions: string[]
}

export type AmlDataset = { transactions: LabelledTransaction[]; patterns: PlantedPattern[] }

/** Parameters of {@link generateAmlData}, with their defaults. */
export const generateAmlDataSchema = z.object({
  seed: z.number().int().default(1),
  accounts: z.number().int().min(100).max(10_000_000).default(10_000),
  /** Benign background transactions. */
  background: z.number().int().min(0).max(100_000_000).default(100_000),
  /** Patterns planted per typology. */
  patternsPerTypology: z.number().int().min(0).max(100_000).default(20),
  days: z.number().int().min(7).max(3650).default(30),
  /** First timestamp (seconds). */
  start: z.number().int().nonnegative().default(1_700_000_000),
})
export type GenerateAmlDataParameters = z.input<typeof generateAmlDataSchema>

/**
 * Generates AMLSim-style labelled transactions: benign background traffic (each account pays a
 * few regular counterparties log-normally distributed amounts at random times) plus planted
 * patterns of every typology (fan-in, fan-out, cycle, scatter-gather, gather-scatter, bipartite,
 * stack, peel chain, rapid pass-through, structuring). Same seed, same data.
 *
 * @example
 * import { generateAmlData } from '@caldera/compliance'
 * const { transactions, patterns } = generateAmlData({ seed: 7, accounts: 2000, background: 20000 })
 */
export function generateAmlData(parameters: GenerateAmlDataParameters = {}): AmlDataset {
  const p = parse(generateAmlDataSchema, parameters, 'AML data generator parameters')
  const rng = createRandom(p.seed)
  const rnd = rng.next
  const int = rng.int
  const uni = (lo: number, hi: number) => lo + rnd() * (hi - lo)
  const span = p.days * 86_400
  const name = (i: number) => `A${i}`
  const raw: { from: string; to: string; usd: number; timestamp: number; alertId: number }[] = []

  // background: regular counterparties
  const counterparties: number[][] = []
  for (let i = 0; i < p.accounts; i++) {
    const k = int(2, 5)
    const list: number[] = []
    while (list.length < k) {
      const j = int(0, p.accounts - 1)
      if (j !== i && !list.includes(j)) list.push(j)
    }
    counterparties.push(list)
  }
  for (let n = 0; n < p.background; n++) {
    const i = int(0, p.accounts - 1)
    const list = counterparties[i]!
    const j = list[int(0, list.length - 1)]!
    raw.push({
      from: name(i),
      to: name(j),
      usd: Math.max(1, rng.logNormal(300, 1)),
      timestamp: p.start + Math.floor(rnd() * span),
      alertId: -1,
    })
  }

  // pattern accounts: distinct per pattern, drawn from the same population
  const order = Array.from({ length: p.accounts }, (_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(0, i)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  let nextAccount = 0
  const take = (n: number) => {
    if (nextAccount + n > order.length)
      throw new RangeError(
        'Not enough accounts for the patterns: raise `accounts` or lower `patternsPerTypology`.',
      )
    const out = order.slice(nextAccount, nextAccount + n).map(name)
    nextAccount += n
    return out
  }
  const patterns: { alertId: number; typology: PlantedTypology; accounts: string[] }[] = []
  const near = (base: number) => base * uni(0.97, 1.03)
  let alertId = 0
  for (let round = 0; round < p.patternsPerTypology; round++) {
    for (const typology of plantedTypologies) {
      const id = alertId++
      const t0 = p.start + Math.floor(rnd() * (span - 3 * 86_400))
      const base = uni(2_000, 9_000)
      const edge = (from: string, to: string, usd: number, timestamp: number) =>
        raw.push({ from, to, usd, timestamp: Math.floor(timestamp), alertId: id })
      let accts: string[] = []
      switch (typology) {
        case 'fan-out': {
          accts = take(1 + int(5, 8))
          for (const to of accts.slice(1)) edge(accts[0]!, to, near(base), t0 + uni(0, 86_400))
          break
        }
        case 'fan-in': {
          accts = take(1 + int(5, 8))
          for (const from of accts.slice(1)) edge(from, accts[0]!, near(base), t0 + uni(0, 86_400))
          break
        }
        case 'cycle': {
          accts = take(int(3, 6))
          let t = t0
          let x = base
          for (let i = 0; i < accts.length; i++) {
            edge(accts[i]!, accts[(i + 1) % accts.length]!, x, t)
            t += uni(3_600, 6 * 3_600)
            x *= uni(0.97, 0.995)
          }
          break
        }
        case 'scatter-gather': {
          accts = take(2 + int(4, 6))
          const [s, d, ...ms] = accts as [string, string, ...string[]]
          for (const m of ms) {
            const t = t0 + uni(0, 6 * 3_600)
            const x = near(base)
            edge(s, m, x, t)
            edge(m, d, x * uni(0.97, 0.99), t + uni(3_600, 12 * 3_600))
          }
          break
        }
        case 'gather-scatter': {
          const kin = int(5, 7)
          const kout = int(5, 7)
          accts = take(1 + kin + kout)
          const h = accts[0]!
          for (const s of accts.slice(1, 1 + kin)) edge(s, h, near(base), t0 + uni(0, 12 * 3_600))
          const base2 = (base * kin * 0.98) / kout
          for (const d of accts.slice(1 + kin)) edge(h, d, near(base2), t0 + 12 * 3_600 + uni(60, 12 * 3_600))
          break
        }
        case 'bipartite': {
          const ns = int(3, 4)
          const nt = int(3, 4)
          accts = take(ns + nt)
          for (const s of accts.slice(0, ns))
            for (const d of accts.slice(ns)) edge(s, d, near(base), t0 + uni(0, 86_400))
          break
        }
        case 'stack': {
          const [a, b, c] = [int(3, 4), int(3, 4), int(3, 4)]
          accts = take(a + b + c)
          const L1 = accts.slice(0, a)
          const L2 = accts.slice(a, a + b)
          const L3 = accts.slice(a + b)
          for (const s of L1) for (const m of L2) edge(s, m, near(base), t0 + uni(0, 12 * 3_600))
          for (const m of L2)
            for (const d of L3) edge(m, d, near(base * 0.98), t0 + 12 * 3_600 + uni(60, 12 * 3_600))
          break
        }
        case 'peel-chain': {
          const hops = int(5, 6)
          accts = take(hops + 1 + hops)
          const chain = accts.slice(0, hops + 1)
          const sides = accts.slice(hops + 1)
          let x = uni(5_000, 20_000)
          let t = t0
          edge(chain[0]!, chain[1]!, x, t)
          for (let i = 1; i < hops; i++) {
            t += uni(3_600, 4 * 3_600)
            const peel = x * uni(0.1, 0.2)
            edge(chain[i]!, sides[i]!, peel, t - 60)
            x -= peel
            edge(chain[i]!, chain[i + 1]!, x, t)
          }
          break
        }
        case 'rapid-pass-through': {
          const mules = int(2, 3)
          accts = take(mules + 2)
          let x = base
          let t = t0
          for (let i = 0; i <= mules; i++) {
            edge(accts[i]!, accts[i + 1]!, x, t)
            t += uni(30, 300)
            x *= uni(0.97, 0.995)
          }
          break
        }
        case 'structuring': {
          accts = take(1 + int(1, 3))
          const n = int(3, 5)
          for (let i = 0; i < n; i++)
            edge(
              accts[0]!,
              accts[1 + (i % (accts.length - 1))]!,
              10_000 * uni(0.85, 0.99),
              t0 + uni(0, 20 * 3_600),
            )
          break
        }
      }
      patterns.push({ alertId: id, typology, accounts: accts })
    }
  }

  raw.sort((a, b) => a.timestamp - b.timestamp)
  const txByPattern = new Map<number, string[]>()
  const transactions: LabelledTransaction[] = raw.map((r, i) => {
    const id = String(i + 1)
    if (r.alertId >= 0) {
      const list = txByPattern.get(r.alertId)
      if (list) list.push(id)
      else txByPattern.set(r.alertId, [id])
    }
    return {
      id,
      from: r.from,
      to: r.to,
      usd: BigInt(Math.round(r.usd * 100)) * 10_000n,
      timestamp: r.timestamp,
      type: 'TRANSFER',
      isSar: r.alertId >= 0,
      alertId: r.alertId,
    }
  })
  return {
    transactions,
    patterns: patterns.map((pt) => ({ ...pt, transactions: txByPattern.get(pt.alertId) ?? [] })),
  }
}

/**
 * Writes a dataset as AMLSim's `transactions.csv` (`tran_id,orig_acct,bene_acct,tx_type,base_amt,
 * tran_timestamp,is_sar,alert_id`; amounts in dollars with cents, timestamps ISO 8601).
 *
 * @example
 * import { generateAmlData, toAmlSimCsv } from '@caldera/compliance'
 * const csv = toAmlSimCsv(generateAmlData({ seed: 1 }))
 */
export function toAmlSimCsv(dataset: Pick<AmlDataset, 'transactions'>): string {
  check(inputSchemas.amlSimCsv, dataset, 'dataset')
  const lines = ['tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,is_sar,alert_id']
  for (const tx of dataset.transactions) {
    const cents = tx.usd / 10_000n
    const amount = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
    lines.push(
      `${tx.id},${tx.from},${tx.to},${tx.type},${amount},${new Date(tx.timestamp * 1000).toISOString()},${tx.isSar ? 'True' : 'False'},${tx.alertId}`,
    )
  }
  return `${lines.join('\n')}\n`
}
