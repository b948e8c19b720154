import { describe, expect, it } from 'vitest'
import { createSanctionsList } from '../sanctions/sanctionsList.js'
import { createAmlMonitor } from './createAmlMonitor.js'
import type { AmlAlert, AmlTransaction } from './types.js'

const T0 = 1_750_000_000
const H = 3_600
const usd = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10_000n
let n = 0
const tx = (from: string, to: string, dollars: number, t: number): AmlTransaction => ({
  id: `t${++n}`,
  from,
  to,
  usd: usd(dollars),
  timestamp: T0 + t,
})

function run(txs: AmlTransaction[], config = {}): AmlAlert[] {
  const monitor = createAmlMonitor({ config })
  for (const t of txs) monitor.ingest(t)
  return monitor.alerts()
}
const rules = (alerts: AmlAlert[]) => [...new Set(alerts.map((a) => a.ruleId))].sort()
const only = (alerts: AmlAlert[], rule: string) => alerts.filter((a) => a.ruleId === rule)

describe('sanctions', () => {
  const listed = '0x8589427373D6D84E98730D7795D8f6f8731FDA16'
  const list = createSanctionsList({
    name: 'test',
    versions: [
      { version: 'v1', effectiveFrom: T0, addresses: [listed] },
      { version: 'v2', effectiveFrom: T0 + 1000, remove: [listed] },
    ],
  })
  const clean = '0x00000000000000000000000000000000000000a1'
  it('alerts on a listed address while listed, in any case, on either side', () => {
    const monitor = createAmlMonitor({ sanctions: [list] })
    const alerts = monitor.ingest({
      id: 'x',
      from: clean,
      to: listed.toLowerCase(),
      usd: usd(5),
      timestamp: T0 + 10,
    })
    expect(alerts.map((a) => [a.ruleId, a.parameters.listVersion, a.parameters.side, a.evidence])).toEqual([
      ['sanctions', 'v1', 'beneficiary', ['x']],
    ])
    expect(alerts[0]!.accounts[0]).toBe(listed.toLowerCase())
    expect(alerts[0]!.riskScores[listed.toLowerCase()]).toBe(100)
    expect(alerts[0]!.riskScores[clean]).toBe(50)
    expect(alerts[0]!.reason).toContain('sanctions list version v1')
  })
  it('does not alert before listing, after delisting, or on clean addresses', () => {
    const monitor = createAmlMonitor({ sanctions: [list] })
    expect(monitor.ingest({ from: listed, to: clean, usd: usd(5), timestamp: T0 - 1 })).toEqual([])
    expect(monitor.ingest({ from: listed, to: clean, usd: usd(5), timestamp: T0 + 1000 })).toEqual([])
    expect(
      monitor.ingest({ from: clean, to: clean.replace('a1', 'a2'), usd: usd(5), timestamp: T0 + 5 }),
    ).toEqual([])
  })
})

describe('large value', () => {
  it('reports at the US threshold of 10,000 USD', () => {
    const alerts = run([tx('a', 'b', 10_000, 0)])
    expect(rules(alerts)).toEqual(['large-value'])
    expect(alerts[0]!.parameters).toMatchObject({ jurisdiction: 'US', report: 'CTR' })
  })
  it('stays quiet below it, and honours a configured threshold', () => {
    expect(rules(run([tx('a', 'b', 9_999.99, 0)]))).toEqual([])
    expect(rules(run([tx('a', 'b', 3_000, 0)], { largeValue: { thresholdUsd: usd(2_500) } }))).toEqual([
      'large-value',
    ])
    expect(rules(run([tx('a', 'b', 12_000, 0)], { jurisdiction: 'FATF' }))).toEqual([])
  })
})

describe('structuring', () => {
  it('flags several transfers just under the threshold that together exceed it', () => {
    const alerts = only(
      run([tx('s', 'b1', 9_500, 0), tx('s', 'b2', 9_000, H), tx('s', 'b3', 9_900, 2 * H)]),
      'structuring',
    )
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.evidence).toHaveLength(3)
    expect(alerts[0]!.reason).toMatch(/3 transfers just under/)
  })
  it('ignores spread-out or small transfers', () => {
    expect(
      only(
        run([tx('s', 'b', 9_500, 0), tx('s', 'b', 9_500, 2 * 86_400), tx('s', 'b', 9_500, 4 * 86_400)]),
        'structuring',
      ),
    ).toEqual([])
    expect(
      only(
        run([tx('s', 'b', 3_000, 0), tx('s', 'b', 3_000, 1), tx('s', 'b', 3_000, 2), tx('s', 'b', 3_000, 3)]),
        'structuring',
      ),
    ).toEqual([])
  })
})

describe('velocity', () => {
  it('flags more than maxCount outgoing transfers in the window', () => {
    const txs = Array.from({ length: 6 }, (_, i) => tx('v', `r${i}`, 10, i * 60))
    const alerts = only(run(txs, { velocity: { maxCount: 5 } }), 'velocity')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.evidence).toHaveLength(6)
  })
  it('stays quiet when the same number is spread out', () => {
    const txs = Array.from({ length: 6 }, (_, i) => tx('v', `r${i}`, 10, i * 1_000))
    expect(only(run(txs, { velocity: { maxCount: 5 } }), 'velocity')).toEqual([])
  })
})

const graphOnly = {
  largeValue: { enabled: false },
  structuring: { enabled: false },
  velocity: { enabled: false },
}
const g = (txs: AmlTransaction[]) => run(txs, graphOnly)

describe('fan-out / fan-in', () => {
  it('fan-out: similar amounts to 5 distinct accounts', () => {
    const alerts = only(g([1, 2, 3, 4, 5].map((i) => tx('hub', `t${i}`, 5_000 + i * 10, i * 60))), 'fan-out')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.accounts).toEqual(['hub', 't1', 't2', 't3', 't4', 't5'])
  })
  it('fan-out: not for 4 accounts, nor for dissimilar amounts', () => {
    expect(only(g([1, 2, 3, 4].map((i) => tx('hub', `t${i}`, 5_000, i))), 'fan-out')).toEqual([])
    expect(only(g([1, 2, 3, 4, 5].map((i) => tx('hub', `t${i}`, 1_000 * i, i))), 'fan-out')).toEqual([])
    expect(only(g([1, 2, 3, 4, 5].map((i) => tx('hub', 't1', 5_000, i))), 'fan-out')).toEqual([])
  })
  it('fan-in: similar amounts from 5 distinct accounts; not when spread beyond the window', () => {
    expect(only(g([1, 2, 3, 4, 5].map((i) => tx(`s${i}`, 'sink', 5_000, i * 60))), 'fan-in')).toHaveLength(1)
    expect(only(g([1, 2, 3, 4, 5].map((i) => tx(`s${i}`, 'sink', 5_000, i * 2 * 86_400))), 'fan-in')).toEqual(
      [],
    )
  })
})

describe('hub accounts', () => {
  it('look only at the latest maxEdgesPerAccount edges', () => {
    const config = { ...graphOnly, graph: { maxEdgesPerAccount: 16 } }
    const noise = Array.from({ length: 100 }, (_, i) => tx('hub', `n${i % 2}`, 200 + i * 5, i))
    const burst = [1, 2, 3, 4, 5].map((i) => tx('hub', `t${i}`, 5_000, 200 + i))
    expect(only(run([...noise, ...burst], config), 'fan-out')).toHaveLength(1)
    const spread = [1, 2, 3, 4, 5].map((i) => tx('hub', `s${i}`, 5_000, i * 20 + 0.5))
    const mixed = [...noise, ...spread].sort((a, b) => a.timestamp - b.timestamp)
    expect(only(run(mixed, config), 'fan-out')).toEqual([])
    expect(only(run(mixed, graphOnly), 'fan-out')).toHaveLength(1)
  })
})

describe('cycle', () => {
  const ring = (k: number) =>
    Array.from({ length: k }, (_, i) => tx(`c${i}`, `c${(i + 1) % k}`, 5_000 - i * 20, i * H))
  it('detects cycles of 3 to 6 hops', () => {
    for (const k of [3, 4, 6]) {
      const alerts = only(g(ring(k)), 'cycle')
      expect(alerts).toHaveLength(1)
      expect(alerts[0]!.evidence).toHaveLength(k)
      expect(alerts[0]!.accounts).toHaveLength(k)
    }
  })
  it('ignores 7-hop cycles, 2-hop round trips, out-of-order hops and open paths', () => {
    expect(only(g(ring(7)), 'cycle')).toEqual([])
    expect(only(g(ring(2)), 'cycle')).toEqual([])
    expect(
      only(g([tx('b', 'c', 5_000, 0), tx('a', 'b', 5_000, H), tx('c', 'a', 5_000, 2 * H)]), 'cycle'),
    ).toEqual([])
    expect(
      only(g([tx('a', 'b', 5_000, 0), tx('b', 'c', 5_000, H), tx('c', 'd', 5_000, 2 * H)]), 'cycle'),
    ).toEqual([])
    expect(
      only(g([tx('a', 'b', 5_000, 0), tx('b', 'c', 500, H), tx('c', 'a', 5_000, 2 * H)]), 'cycle'),
    ).toEqual([])
  })
})

describe('scatter-gather / gather-scatter', () => {
  it('scatter-gather: one source, 4 intermediaries, one sink', () => {
    const txs = [1, 2, 3, 4].flatMap((i) => [tx('src', `m${i}`, 4_000, i), tx(`m${i}`, 'dst', 3_900, H + i)])
    const alerts = only(g(txs.sort((a, b) => a.timestamp - b.timestamp)), 'scatter-gather')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.accounts.slice(0, 2)).toEqual(['dst', 'src'])
    expect(alerts[0]!.evidence).toHaveLength(8)
  })
  it('scatter-gather: not when the intermediaries were funded by different sources', () => {
    const txs = [1, 2, 3, 4].flatMap((i) => [
      tx(`src${i}`, `m${i}`, 4_000, i),
      tx(`m${i}`, 'dst', 3_900, H + i),
    ])
    expect(only(g(txs.sort((a, b) => a.timestamp - b.timestamp)), 'scatter-gather')).toEqual([])
  })
  it('gather-scatter: 5 sources into a hub, then 5 sinks out', () => {
    const txs = [
      ...[1, 2, 3, 4, 5].map((i) => tx(`s${i}`, 'hub', 2_000, i)),
      ...[1, 2, 3, 4, 5].map((i) => tx('hub', `d${i}`, 1_950, H + i)),
    ]
    const alerts = only(g(txs), 'gather-scatter')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.accounts).toHaveLength(11)
  })
  it('gather-scatter: not with only 3 sources', () => {
    const txs = [
      ...[1, 2, 3].map((i) => tx(`s${i}`, 'hub', 2_000, i)),
      ...[1, 2, 3, 4, 5].map((i) => tx('hub', `d${i}`, 1_200, H + i)),
    ]
    expect(only(g(txs), 'gather-scatter')).toEqual([])
  })
})

describe('bipartite / stack', () => {
  const layer = (from: string[], to: string[], t: number) =>
    from.flatMap((a, i) => to.map((b, j) => tx(a, b, 3_000, t + i * 10 + j)))
  it('bipartite: 3 sources each paying the same 3 targets', () => {
    const alerts = only(g(layer(['a', 'b', 'c'], ['x', 'y', 'z'], 0)), 'bipartite')
    expect(alerts).toHaveLength(1)
    expect([...alerts[0]!.accounts].sort()).toEqual(['a', 'b', 'c', 'x', 'y', 'z'])
    expect(alerts[0]!.evidence).toHaveLength(9)
  })
  it('bipartite: not with 2 sources', () => {
    expect(only(g(layer(['a', 'b'], ['x', 'y', 'z'], 0)), 'bipartite')).toEqual([])
  })
  it('stack: two fully connected layers in a row', () => {
    const alerts = only(
      g([...layer(['a', 'b', 'c'], ['m', 'n', 'o'], 0), ...layer(['m', 'n', 'o'], ['x', 'y', 'z'], H)]),
      'stack',
    )
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.accounts).toHaveLength(9)
    expect(alerts[0]!.evidence).toHaveLength(18)
  })
  it('stack: not when the middle layer was fed by unrelated accounts', () => {
    const feed = [tx('p', 'm', 3_000, 0), tx('q', 'n', 3_000, 1), tx('r', 'o', 3_000, 2)]
    expect(only(g([...feed, ...layer(['m', 'n', 'o'], ['x', 'y', 'z'], H)]), 'stack')).toEqual([])
  })
})

describe('peel chain', () => {
  function chain(peels: boolean, ratio = 0.85) {
    const txs: AmlTransaction[] = []
    let x = 10_000
    txs.push(tx('p0', 'p1', x, 0))
    for (let i = 1; i < 5; i++) {
      const peel = x * (1 - ratio)
      if (peels) txs.push(tx(`p${i}`, `side${i}`, peel, i * H - 60))
      x -= peel
      txs.push(tx(`p${i}`, `p${i + 1}`, x, i * H))
    }
    return txs
  }
  it('detects a chain that shrinks at each hop as amounts are peeled off', () => {
    const alerts = only(g(chain(true)), 'peel-chain')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.accounts[0]).toBe('p0')
  })
  it('not without the peeled-off transfers, nor when amounts do not shrink', () => {
    expect(only(g(chain(false)), 'peel-chain')).toEqual([])
    expect(only(g(chain(true, 0.99)), 'peel-chain')).toEqual([])
  })
})

describe('rapid pass-through', () => {
  const through = (gap: number) => [
    tx('o', 'm1', 7_000, 0),
    tx('m1', 'm2', 6_900, gap),
    tx('m2', 'b', 6_850, 2 * gap),
  ]
  it('detects funds passed on within minutes by two mules', () => {
    const alerts = only(g(through(120)), 'rapid-pass-through')
    expect(alerts).toHaveLength(1)
    expect(alerts[0]!.accounts[0]).toBe('m1')
    expect(alerts[0]!.evidence).toHaveLength(3)
  })
  it('not when they wait, or keep much of it', () => {
    expect(only(g(through(3 * H)), 'rapid-pass-through')).toEqual([])
    expect(
      only(
        g([tx('o', 'm1', 7_000, 0), tx('m1', 'm2', 3_000, 60), tx('m2', 'b', 2_900, 120)]),
        'rapid-pass-through',
      ),
    ).toEqual([])
  })
})

describe('alerts', () => {
  it('are explainable: rule id and version, parameters, evidence, accounts, reason, risk scores', () => {
    const [alert] = only(g([1, 2, 3, 4, 5].map((i) => tx('hub', `t${i}`, 5_000, i))), 'fan-out')
    expect(Object.keys(alert!).sort()).toEqual(
      [
        'accounts',
        'evidence',
        'id',
        'parameters',
        'reason',
        'riskScores',
        'ruleId',
        'ruleVersion',
        'timestamp',
      ].sort(),
    )
    expect(alert!.ruleVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(alert!.parameters).toMatchObject({ fanDegree: 5, windowSeconds: 259_200 })
    expect(alert!.reason).toBe('hub sent similar amounts to 5 distinct accounts within 259200 s.')
    expect(alert!.riskScores).toMatchObject({ hub: 25, t1: 25 })
  })
  it('rejects malformed transactions', () => {
    const monitor = createAmlMonitor()
    expect(() => monitor.ingest({ from: '', to: 'b', usd: 1n, timestamp: 1 })).toThrow(/from is/)
    expect(() => monitor.ingest({ from: 'a', to: 'b', usd: -1n, timestamp: 1 })).toThrow(/usd is -1/)
    expect(() => monitor.ingest({ from: 'a', to: 'b', usd: 1n, timestamp: Number.NaN })).toThrow(/timestamp/)
  })
  it('rejects bad configuration naming the field', () => {
    expect(() => createAmlMonitor({ config: { graph: { fanDegree: 0 } } })).toThrow(/graph\.fanDegree/)
  })
})
