import type { Tier } from '@caldera/core'
import { InvalidTransitionError } from '../errors/breaker.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { TierPolicy } from '../policy/policy.js'
import { appendTransition, type BreakerState, type TransitionEntry } from './transitionLog.js'

/** Something waiting in a breaker's queue: an id and its USD value in micro-dollars. */
export type HeldItem = { readonly id: string; readonly usd: bigint }

/** A domain's breaker: closed → open (isolated) → half-open (paced) → closed. */
export type Breaker<item extends HeldItem = HeldItem> = {
  readonly domain: string
  readonly tier: Tier
  readonly state: BreakerState
  /** Hash-chained transitions with reasons (see `verifyTransitionLog`). */
  readonly log: readonly TransitionEntry[]
  /** Items waiting, oldest first. */
  readonly held: readonly item[]
  /** Trips that happened while already open (counted, not transitions). */
  readonly tripsWhileOpen: number
  /** Opens the breaker (from closed or half-open). Returns whether the state changed. */
  trip(parameters: { at: number; reason: string; by: string }): boolean
  /** Explicit reset by an operator: open → half-open. The only way out of open. */
  reset(parameters: { at: number; by: string; reason: string }): void
  /**
   * Offers a transfer. `pass` when closed; otherwise it is queued (`held`) behind everything
   * already waiting, so nothing jumps the queue when the domain reopens.
   */
  offer(item: item): 'pass' | 'held'
  /**
   * In half-open, pays held items first-in-first-out at the drain rate since the reset and
   * returns them; closes the breaker once the queue is empty and the probation has passed.
   */
  drain(now: number): item[]
  /** Whether `drain` has paid the item with this id since the last trip. */
  wasPaid(id: string): boolean
}

export type CreateBreakerParameters = {
  domain: string
  tier: Tier
  policy: TierPolicy
}

/**
 * Creates the breaker of one domain. It never leaves `open` without an explicit `reset`; in
 * half-open, held transfers are paid FIFO at `policy.halfOpen.drainUsdPerSecond`, and new
 * transfers wait behind them, so an attacker cannot withdraw alongside everyone at reopening.
 *
 * @example
 * import { createBreaker, resolvePolicy } from '@caldera/circuit-breaker'
 * const breaker = createBreaker({ domain: 'light', tier: 'light', policy: resolvePolicy().tiers.light })
 * breaker.trip({ at: 100, reason: 'transfer of 1,500,000 USD', by: 'detector:singleTransfer' })
 * breaker.state // 'open'
 */
export function createBreaker<item extends HeldItem = HeldItem>(
  parameters: CreateBreakerParameters,
): Breaker<item> {
  check(inputSchemas.breaker, parameters, 'breaker parameters')
  const { domain, tier, policy } = parameters
  const log: TransitionEntry[] = []
  const held: item[] = []
  let state: BreakerState = 'closed'
  let tripsWhileOpen = 0
  let resetAt = 0
  let paidUsd = 0n
  let emptySince: number | undefined
  const paidIds = new Set<string>()

  const move = (to: BreakerState, at: number, reason: string, by: string) => {
    appendTransition(log, { at, domain, from: state, to, reason, by })
    state = to
  }

  return {
    domain,
    tier,
    get state() {
      return state
    },
    log,
    held,
    get tripsWhileOpen() {
      return tripsWhileOpen
    },
    trip({ at, reason, by }) {
      if (state === 'open') {
        tripsWhileOpen++
        return false
      }
      move('open', at, reason, by)
      paidIds.clear()
      return true
    },
    reset({ at, by, reason }) {
      if (state !== 'open')
        throw new InvalidTransitionError({
          domain,
          from: state,
          to: 'halfOpen',
          hint: 'Only an open (isolated) breaker can be reset.',
        })
      move('halfOpen', at, reason, by)
      resetAt = at
      paidUsd = 0n
      emptySince = undefined
    },
    offer(item) {
      if (state === 'closed') return 'pass'
      held.push(item)
      emptySince = undefined
      return 'held'
    },
    drain(now) {
      if (state !== 'halfOpen') return []
      const elapsed = BigInt(Math.max(0, Math.floor(now - resetAt)))
      const budget = policy.halfOpen.drainUsdPerSecond * elapsed
      const paid: item[] = []
      while (held.length > 0 && paidUsd + held[0]!.usd <= budget) {
        const next = held.shift()!
        paidUsd += next.usd
        paid.push(next)
        paidIds.add(next.id)
      }
      if (held.length === 0) {
        emptySince ??= now
        if (now - emptySince >= policy.halfOpen.probationSeconds)
          move(
            'closed',
            now,
            `queue drained and ${policy.halfOpen.probationSeconds} s without a trip`,
            'probation',
          )
      }
      return paid
    },
    wasPaid: (id) => paidIds.has(id),
  }
}
