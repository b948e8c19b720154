import { parseUsd } from '@caldera/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolvePolicy } from '../policy/policy.js'
import { generateBenignTraffic } from '../simulation/benignTraffic.js'
import { createOutlierDetector } from './outlier.js'
import { createDetectorPipeline } from './pipeline.js'
import { createSingleTransferDetector } from './singleTransfer.js'
import { TokenBucket } from './tokenBucket.js'
import type { DetectorEvent } from './types.js'
import { createVelocityDetector } from './velocity.js'

const alice = '0x00000000000000000000000000000000000a11ce'
const account = (i: number) => `0x${i.toString(16).padStart(40, '0')}`

describe('single transfer', () => {
  it('trips strictly above 1,000,000 USD', () => {
    const d = createSingleTransferDetector()
    const at = (usd: bigint): DetectorEvent => ({ domain: 'light', from: alice, usd, timestamp: 1 })
    expect(d.check(at(parseUsd('1000000')), Number(parseUsd('1000000')))).toBeUndefined()
    expect(d.check(at(parseUsd('1500000')), Number(parseUsd('1500000')))).toMatchInlineSnapshot(
      `"transfer of 1,500,000 USD above the 1,000,000 USD threshold"`,
    )
  })
})

describe('attacks on the default policy', () => {
  it('stops a split attack at the rolling lane limit before the limit is exceeded', () => {
    const policy = resolvePolicy()
    const limit = policy.tiers.light.rolling.laneLimitUsd
    const pipeline = createDetectorPipeline({ policy })
    let admitted = 0n
    let trip: ReturnType<typeof pipeline.observe>
    for (let i = 0; i < 100 && !trip; i++) {
      const event = {
        domain: 'light',
        toDomain: 'financial',
        from: alice,
        usd: parseUsd('90000'),
        timestamp: 1_000 + i * 10,
      }
      trip = pipeline.observe(event)
      if (!trip) admitted += event.usd
    }
    expect(trip?.detector).toBe('rollingLane')
    expect(trip?.index).toBe(11)
    expect(admitted).toBe(parseUsd('990000'))
    expect(admitted <= limit).toBe(true)
    expect(trip?.reason).toMatchInlineSnapshot(
      `"990,000 USD already moved on lane light->financial in the last 3600 s; 90,000 USD more would exceed the 1,000,000 USD rolling limit"`,
    )
  })

  it('stops a swarm of many senders each moving the same sub-threshold amount', () => {
    const policy = resolvePolicy()
    const pipeline = createDetectorPipeline({ policy })
    let admitted = 0n
    let trip: ReturnType<typeof pipeline.observe>
    let i = 0
    for (; i < 1_000 && !trip; i++) {
      const event = { domain: 'light', from: account(i), usd: parseUsd('40000'), timestamp: 5_000 + i }
      trip = pipeline.observe(event)
      if (!trip) admitted += event.usd
    }
    expect(trip).toBeDefined()
    expect(trip?.detector).toBe('tokenBucket')
    // Never more than the bucket's capacity plus its refill over the attack's duration.
    const { capacityUsd, refillUsdPerSecond } = policy.tiers.light.tokenBucket
    expect(admitted <= capacityUsd + refillUsdPerSecond * BigInt(i)).toBe(true)
    expect(i).toBeLessThan(30)
  })

  it('lets 30 days of ordinary traffic at ten times normal volume through without a trip', () => {
    const events = generateBenignTraffic({ seed: 2026, days: 30, volume: 10 })
    expect(events.length).toBeGreaterThan(500_000)
    const large = events.filter((e) => e.usd >= parseUsd('100000')).length
    expect(large).toBeGreaterThan(100)
    const pipeline = createDetectorPipeline()
    const trips = events.map((e) => pipeline.observe(e)).filter(Boolean)
    expect(trips).toEqual([])
  })
})

describe('velocity and outliers', () => {
  it('trips on the transfer after maxTransfers within the window, then forgets', () => {
    const d = createVelocityDetector({ windowSeconds: 60, maxTransfers: 3 })
    const e = (t: number): DetectorEvent => ({ domain: 'light', from: alice, usd: 1n, timestamp: t })
    for (const t of [0, 10, 20]) {
      expect(d.check(e(t), 1)).toBeUndefined()
      d.commit(e(t), 1)
    }
    expect(d.check(e(30), 1)).toMatch(/sent 3 transfers/)
    expect(d.check(e(61), 1)).toBeUndefined()
  })

  it('trips on a value far above the domain baseline only after warm-up', () => {
    const d = createOutlierDetector({ minSamples: 200, zScore: 5, minUsd: parseUsd('10000'), halfLife: 1000 })
    const big = Number(parseUsd('600000'))
    const e = (usd: number, t: number): DetectorEvent => ({
      domain: 'light',
      from: alice,
      usd: BigInt(usd),
      timestamp: t,
    })
    expect(d.check(e(big, 0), big)).toBeUndefined()
    for (let i = 0; i < 300; i++) {
      const usd = Number(parseUsd(String(50 + (i % 100))))
      d.commit(e(usd, i), usd)
    }
    expect(d.check(e(big, 400), big)).toMatch(/standard deviations above domain light's baseline/)
    const normal = Number(parseUsd('120'))
    expect(d.check(e(normal, 401), normal)).toBeUndefined()
  })
})

describe('token bucket', () => {
  it('never admits more than capacity + rate × time over any span', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 2_000_000 })), {
          maxLength: 120,
        }),
        (capacity, rate, steps) => {
          const bucket = new TokenBucket({ capacityUsd: BigInt(capacity), refillUsdPerSecond: BigInt(rate) })
          const admitted: { t: number; amount: number }[] = []
          let t = 0
          for (const [dt, amount] of steps) {
            t += dt
            if (bucket.tryTake(t, amount)) admitted.push({ t, amount })
          }
          for (let i = 0; i < admitted.length; i++) {
            let sum = 0
            for (let j = i; j < admitted.length; j++) {
              sum += admitted[j]!.amount
              expect(sum).toBeLessThanOrEqual(capacity + rate * (admitted[j]!.t - admitted[i]!.t))
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
