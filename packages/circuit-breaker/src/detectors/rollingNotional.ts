import { check, inputSchemas } from '../internal/inputs.js'
import { TimeWindow } from './timeWindow.js'
import { type Detector, type DetectorEvent, dollars, usdToNumber } from './types.js'

export type RollingNotionalDetectorParameters = {
  /** `domain`: one window per source domain; `lane`: one per (domain, toDomain) pair. */
  scope: 'domain' | 'lane'
  /** Window length in seconds. */
  windowSeconds: number
  /** Micro-dollars that may move per window; a transfer that would exceed it trips. */
  limitUsd: bigint
}

/**
 * Trips on the transfer that would push the notional moved within a sliding window above the
 * limit, so the limit itself is never exceeded (a split attack stops at the limit). Per domain
 * or per lane; events without `toDomain` are not counted at lane scope.
 *
 * @example
 * import { createRollingNotionalDetector } from '@caldera/circuit-breaker'
 * import { parseUsd } from '@caldera/core'
 * const rolling = createRollingNotionalDetector({ scope: 'lane', windowSeconds: 3600, limitUsd: parseUsd('1000000') })
 */
export function createRollingNotionalDetector(parameters: RollingNotionalDetectorParameters): Detector {
  check(inputSchemas.rollingNotional, parameters, 'rolling notional detector parameters')
  const { scope, windowSeconds } = parameters
  const limit = usdToNumber(parameters.limitUsd)
  const domains = new Map<string, TimeWindow | Map<string, TimeWindow>>()
  // The window found by the last `check`, reused by the `commit` of the same event.
  let checkedEvent: unknown
  let checkedWindow: TimeWindow | undefined

  function windowOf(event: DetectorEvent, create: boolean): TimeWindow | undefined {
    if (scope === 'domain') {
      let w = domains.get(event.domain) as TimeWindow | undefined
      if (!w && create) {
        w = new TimeWindow()
        domains.set(event.domain, w)
      }
      return w
    }
    if (event.toDomain === undefined) return undefined
    let lanes = domains.get(event.domain) as Map<string, TimeWindow> | undefined
    if (!lanes) {
      if (!create) return undefined
      lanes = new Map()
      domains.set(event.domain, lanes)
    }
    let w = lanes.get(event.toDomain)
    if (!w && create) {
      w = new TimeWindow()
      lanes.set(event.toDomain, w)
    }
    return w
  }

  return {
    name: scope === 'domain' ? 'rollingDomain' : 'rollingLane',
    check(event, usd) {
      if (scope === 'lane' && event.toDomain === undefined) return undefined
      const w = windowOf(event, false)
      checkedEvent = event
      checkedWindow = w
      let used = 0
      if (w) {
        w.evict(event.timestamp, windowSeconds)
        used = w.sum
      }
      if (used + usd > limit) {
        const where =
          scope === 'domain' ? `domain ${event.domain}` : `lane ${event.domain}->${event.toDomain}`
        return `${dollars(used)} already moved on ${where} in the last ${windowSeconds} s; ${dollars(usd)} more would exceed the ${dollars(limit)} rolling limit`
      }
      return undefined
    },
    commit(event, usd) {
      const w = checkedEvent === event && checkedWindow ? checkedWindow : windowOf(event, true)
      if (w) w.push(event.timestamp, usd)
    },
  }
}
