import type { Tier } from '@caldera/core'
import type { DomainLoadMetrics } from '../metrics/loadMetrics.js'

/** One event of the breaker's timeline (seconds from the run's start). */
export type BreakerEvent = {
  t: number
  domain: string
  /** `trip`, `isolated`, `lane-paused`, `held`, `reset`, `released`, `refunded`, … */
  event: string
  detail: string
}

/** One injected fault or attack. */
export type FaultRecord = {
  t: number
  kind: string
  domain: string
  detail: string
  /** How long the fault lasted (ms), when it has a duration. */
  durationMs?: number
}

/** A service-level objective and whether the run met it. */
export type SloResult = {
  name: string
  /** Human-readable target, e.g. `≥ 500 tx/s`. */
  target: string
  actual: string
  pass: boolean
}

/** Cross-domain and security metrics of one domain (filled when the system components run). */
export type DomainSystemMetrics = {
  /** Gas per verified cross-domain message from this domain (by its tier's proof system). */
  verificationGasPerMessage?: number
  /** USD (micro-dollars) held in escrow by this domain's channels at the end. */
  valueHeldUsd?: string
  /** Validators registered and whether the profile was met at the end. */
  validators?: number
  profileMet?: boolean
  status?: string
}

/** Everything a scenario run measured: written as `report.json` and rendered as `report.html`. */
export type ScenarioReport = {
  scenario: string
  seed: number
  startedAt: string
  durationS: number
  machine: string
  domains: {
    name: string
    tier: Tier
    chainId: number
    rpcUrl: string
    load: DomainLoadMetrics
    system: DomainSystemMetrics
  }[]
  breaker: {
    timeline: BreakerEvent[]
    /** From the anomalous transaction's send to the last peer lane paused (ms). */
    tripLatencyMs?: number
  }
  faults: FaultRecord[]
  totals: {
    submitTxPerS: number
    includedTxPerS: number
    /** USD (micro-dollars) lost: sent and neither delivered, held nor refundable. Must be 0. */
    valueLostUsd: string
    valueHeldUsd: string
    messagesSent: number
    messagesDelivered: number
    messagesLost: number
    messagesDuplicated: number
    amlAlerts: number
    /** Included rate of the unaffected domains during the trip over before it. */
    unaffectedThroughputRatio?: number
  }
  slos: SloResult[]
  passed: boolean
  /** Components of the system that ran, and those that could not (with the reason). */
  components: { name: string; status: 'ran' | 'unavailable'; detail: string }[]
}
