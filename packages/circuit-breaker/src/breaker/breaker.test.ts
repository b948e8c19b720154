import { parseUsd } from '@caldera/core'
import { describe, expect, it } from 'vitest'
import { resolvePolicy } from '../policy/policy.js'
import { createBreaker } from './breaker.js'
import { createCircuitBreaker } from './circuitBreaker.js'
import { verifyTransitionLog } from './transitionLog.js'

const policy = resolvePolicy({
  tiers: { light: { halfOpen: { probationSeconds: 60, drainUsdPerSecond: 100 } } },
})

describe('breaker state machine', () => {
  it('goes closed → open → half-open → closed, logging every transition with its reason', () => {
    const b = createBreaker({ domain: 'light', tier: 'light', policy: policy.tiers.light })
    expect(b.state).toBe('closed')
    expect(b.offer({ id: 'a', usd: 1n })).toBe('pass')
    expect(b.trip({ at: 10, reason: 'transfer of 1,500,000 USD', by: 'detector:singleTransfer' })).toBe(true)
    expect(b.state).toBe('open')
    expect(b.trip({ at: 11, reason: 'again', by: 'detector:velocity' })).toBe(false)
    expect(b.tripsWhileOpen).toBe(1)
    b.reset({ at: 100, by: 'ops:alice', reason: 'reviewed' })
    expect(b.state).toBe('halfOpen')
    expect(b.drain(100)).toEqual([])
    expect(b.drain(160).length).toBe(0)
    expect(b.state).toBe('closed')
    expect(b.log.map((e) => [e.from, e.to, e.by])).toEqual([
      ['closed', 'open', 'detector:singleTransfer'],
      ['open', 'halfOpen', 'ops:alice'],
      ['halfOpen', 'closed', 'probation'],
    ])
    expect(verifyTransitionLog(b.log)).toEqual({ valid: true })
  })

  it('never leaves open without an explicit reset, however much time passes', () => {
    const b = createBreaker({ domain: 'light', tier: 'light', policy: policy.tiers.light })
    b.trip({ at: 0, reason: 'x', by: 'detector:singleTransfer' })
    expect(b.drain(1e9)).toEqual([])
    expect(b.state).toBe('open')
    expect(b.offer({ id: 'late', usd: 5n })).toBe('held')
    expect(() => b.reset({ at: 1, by: 'ops', reason: 'r' })).not.toThrow()
    expect(() => b.reset({ at: 2, by: 'ops', reason: 'r' })).toThrow(/cannot go from halfOpen to halfOpen/)
  })

  it('pays held transfers first-in-first-out at the drain rate in half-open; newcomers wait behind', () => {
    const b = createBreaker({ domain: 'light', tier: 'light', policy: policy.tiers.light })
    b.trip({ at: 0, reason: 'x', by: 'detector:rollingLane' })
    for (const [id, usd] of [
      ['first', 300],
      ['second', 200],
      ['third', 500],
    ] as const)
      b.offer({ id, usd: parseUsd(String(usd)) })
    b.reset({ at: 1_000, by: 'ops', reason: 'ok' })
    expect(b.offer({ id: 'attacker', usd: parseUsd('1') })).toBe('held')
    expect(b.drain(1_002).map((i) => i.id)).toEqual([]) // 200 USD of budget, first needs 300
    expect(b.drain(1_003).map((i) => i.id)).toEqual(['first'])
    expect(b.drain(1_005).map((i) => i.id)).toEqual(['second'])
    expect(b.drain(1_009).map((i) => i.id)).toEqual([])
    expect(b.drain(1_010).map((i) => i.id)).toEqual(['third'])
    expect(b.drain(1_011).map((i) => i.id)).toEqual(['attacker'])
    expect(b.wasPaid('first') && b.wasPaid('attacker')).toBe(true)
    expect(b.state).toBe('halfOpen')
    b.trip({ at: 1_020, reason: 'new anomaly', by: 'detector:velocity' })
    expect(b.state).toBe('open')
    expect(verifyTransitionLog(b.log)).toEqual({ valid: true })
  })

  it('detects any edit, deletion or reordering of the log', () => {
    const b = createBreaker({ domain: 'light', tier: 'light', policy: policy.tiers.light })
    b.trip({ at: 0, reason: 'x', by: 'detector:singleTransfer' })
    b.reset({ at: 5, by: 'ops', reason: 'ok' })
    b.trip({ at: 6, reason: 'y', by: 'detector:velocity' })
    const edited = b.log.map((e, i) => (i === 1 ? { ...e, by: 'mallory' } : e))
    expect(verifyTransitionLog(edited)).toMatchObject({ valid: false, index: 1 })
    expect(verifyTransitionLog([b.log[0]!, b.log[2]!])).toMatchObject({ valid: false, index: 1 })
    expect(verifyTransitionLog([...b.log].reverse())).toMatchObject({ valid: false, index: 0 })
  })
})

describe('circuit breaker', () => {
  it('opens the domain on a trip and holds its later events; other domains go on', () => {
    const trips: string[] = []
    const cb = createCircuitBreaker({ policy, onTrip: (t) => trips.push(`${t.domain}:${t.detector}`) })
    const from = '0x00000000000000000000000000000000000a11ce'
    expect(cb.observe({ domain: 'light', from, usd: parseUsd('10'), timestamp: 1 }).action).toBe('pass')
    expect(cb.observe({ domain: 'light', from, usd: parseUsd('1500000'), timestamp: 2 })).toMatchObject({
      action: 'tripped',
      trip: { domain: 'light', detector: 'singleTransfer', index: 1 },
    })
    expect(cb.observe({ domain: 'light', from, usd: parseUsd('10'), timestamp: 3 }).action).toBe('held')
    expect(cb.observe({ domain: 'financial', from, usd: parseUsd('10'), timestamp: 3 }).action).toBe('pass')
    expect(trips).toEqual(['light:singleTransfer'])
    expect(cb.breaker('light').held.map((h) => h.index)).toEqual([1, 2])
  })
})
