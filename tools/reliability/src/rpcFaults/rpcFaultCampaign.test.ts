import { describe, expect, it } from 'vitest'
import { TIERS } from './faultNetwork.js'
import { RPC_FAULTS, runRpcFaults } from './rpcFaultCampaign.js'

const inTest = [...RPC_FAULTS.http, ...RPC_FAULTS.ws].filter((s) => !s.soakOnly)

describe('rpc fault campaign', () => {
  it('cuts every reachable lane, reports the faulty chain, cuts it once it answers, fails closed for financial', async () => {
    const lines: string[] = []
    const { report, rounds } = await runRpcFaults({
      seed: 1,
      mode: 'test',
      log: (l) => lines.push(l),
    }).finally(() => console.log(lines.join('\n')))
    expect(report.failures).toEqual([])
    expect(report.valueLost).toBe(0n)
    expect(report.steps).toBe(TIERS.length * inTest.length)
    for (const round of rounds) {
      expect(round.reported).toMatchObject({ chain: round.chain })
      expect(round.reported!.error.length).toBeGreaterThan(0)
      expect(round.recovered).toMatchObject({ chain: round.chain })
      if (round.anomaly === round.chain) {
        // Nothing to cut before the watcher sees the anomaly, unless the chain fails closed.
        expect(round.lanesCutReachable).toBe(round.chain === 'financial' ? 2 : 0)
        expect(round.lanesCutAfterRecovery).toBe(2)
      } else {
        expect(round.lanesCutReachable).toBe(3)
        expect(round.lanesCutAfterRecovery).toBe(round.chain === 'financial' ? 2 : 1)
      }
    }
    const financialRounds = rounds.filter((r) => r.chain === 'financial')
    expect(financialRounds).toHaveLength(inTest.length)
    for (const round of financialRounds) {
      expect(round.failClosed?.peersCut).toEqual(['enterprise', 'light'])
      expect(round.failClosed?.sendRefused).toBe('LaneIsPaused(financial)')
      expect(round.failClosed?.deliveryRefused).toBe('LaneIsPaused(financial)')
    }
    // Faults held past the retries are caught up once the chain answers; short ones are retried.
    expect(rounds.some((r) => r.cutBy === 'catchUp')).toBe(true)
    expect(rounds.some((r) => r.cutBy === 'retry')).toBe(true)
    // An anomaly during an enterprise or light outage is seen once the chain answers (over WebSocket too).
    const unseen = rounds.filter((r) => r.anomaly === r.chain && r.chain !== 'financial')
    expect(unseen.map((r) => `${r.transport} ${r.cutBy}`).sort()).toEqual([
      'http seenAfterRecovery',
      'http seenAfterRecovery',
      'ws seenAfterRecovery',
      'ws seenAfterRecovery',
    ])
    // Writes refused while reads answer are reported as such.
    const writesOnly = rounds.filter((r) => r.fault.includes('only'))
    for (const round of writesOnly) expect(round.reported?.by).toBe('write')
  }, 300_000)
})
