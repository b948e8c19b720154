import { check, inputSchemas } from '../internal/inputs.js'
import { TimeWindow } from './timeWindow.js'
import type { Detector } from './types.js'

export type VelocityDetectorParameters = {
  /** Window length in seconds. */
  windowSeconds: number
  /** Transfers one account may send per window; the next one trips. */
  maxTransfers: number
}

/**
 * Trips when one account sends more than `maxTransfers` transfers within the window (per
 * domain). Idle accounts are forgotten once a window has passed.
 *
 * @example
 * import { createVelocityDetector } from '@caldera/circuit-breaker'
 * const velocity = createVelocityDetector({ windowSeconds: 60, maxTransfers: 30 })
 */
export function createVelocityDetector(parameters: VelocityDetectorParameters): Detector {
  check(inputSchemas.velocity, parameters, 'velocity detector parameters')
  const { windowSeconds, maxTransfers } = parameters
  const domains = new Map<string, Map<string, TimeWindow>>()
  // Windows of idle accounts are recycled, so a steady stream of accounts allocates nothing.
  const pool: TimeWindow[] = []
  let nextSweep = Number.NEGATIVE_INFINITY
  // The window found by the last `check`, reused by the `commit` of the same event.
  let checkedEvent: unknown
  let checkedWindow: TimeWindow | undefined

  function sweep(now: number) {
    nextSweep = now + windowSeconds
    for (const accounts of domains.values())
      for (const [account, w] of accounts)
        if (w.last <= now - windowSeconds) {
          accounts.delete(account)
          w.clear()
          pool.push(w)
        }
  }

  return {
    name: 'velocity',
    check(event) {
      const w = domains.get(event.domain)?.get(event.from)
      checkedEvent = event
      checkedWindow = w
      if (!w) return maxTransfers < 1 ? `account ${event.from} may not send` : undefined
      w.evict(event.timestamp, windowSeconds)
      if (w.size >= maxTransfers)
        return `account ${event.from} sent ${w.size} transfers on domain ${event.domain} in the last ${windowSeconds} s (at most ${maxTransfers})`
      return undefined
    },
    commit(event) {
      if (event.timestamp >= nextSweep) sweep(event.timestamp)
      else if (checkedEvent === event && checkedWindow) {
        checkedWindow.push(event.timestamp, 1)
        return
      }
      let accounts = domains.get(event.domain)
      if (!accounts) {
        accounts = new Map()
        domains.set(event.domain, accounts)
      }
      let w = accounts.get(event.from)
      if (!w) {
        w = pool.pop() ?? new TimeWindow(Math.min(16, Math.max(1, maxTransfers)))
        accounts.set(event.from, w)
      }
      w.push(event.timestamp, 1)
    },
  }
}
