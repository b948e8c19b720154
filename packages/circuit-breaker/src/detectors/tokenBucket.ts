import { check, inputSchemas } from '../internal/inputs.js'
import { type Detector, dollars, usdToNumber } from './types.js'

export type TokenBucketParameters = {
  /** Micro-dollars the bucket holds when full (the largest burst). */
  capacityUsd: bigint
  /** Micro-dollars added per second, up to the capacity. */
  refillUsdPerSecond: bigint
}

/**
 * A token bucket over integer micro-dollars; time in seconds. Starts full unless told otherwise.
 *
 * @example
 * import { TokenBucket } from '@caldera/circuit-breaker'
 * const bucket = new TokenBucket({ capacityUsd: 1_000n, refillUsdPerSecond: 10n })
 * bucket.tryTake(0, 800) // true
 * bucket.tryTake(1, 300) // false (210 left)
 */
export class TokenBucket {
  readonly capacity: number
  readonly rate: number
  tokens: number
  last: number

  constructor(parameters: TokenBucketParameters & { startTime?: number; startFull?: boolean }) {
    check(inputSchemas.tokenBucket, parameters, 'token bucket parameters')
    this.capacity = usdToNumber(parameters.capacityUsd)
    this.rate = usdToNumber(parameters.refillUsdPerSecond)
    this.tokens = parameters.startFull === false ? 0 : this.capacity
    this.last = parameters.startTime ?? Number.NaN
  }

  /** Refills for the time passed since the last call (time never goes backwards). */
  refill(now: number): void {
    if (Number.isNaN(this.last)) {
      this.last = now
      return
    }
    if (now <= this.last) return
    this.tokens = Math.min(this.capacity, this.tokens + Math.floor((now - this.last) * this.rate))
    this.last = now
  }

  /** Takes `amount` if the bucket holds it; returns whether it did. */
  tryTake(now: number, amount: number): boolean {
    this.refill(now)
    if (amount > this.tokens) return false
    this.tokens -= amount
    return true
  }
}

/**
 * Trips on a transfer the domain's token bucket cannot cover: bursts up to the capacity, then
 * at most the refill rate. Admitted value over any span `t` is at most `capacity + rate × t`.
 *
 * @example
 * import { createTokenBucketDetector } from '@caldera/circuit-breaker'
 * import { parseUsd } from '@caldera/core'
 * const bucket = createTokenBucketDetector({ capacityUsd: parseUsd('2000000'), refillUsdPerSecond: parseUsd('500') })
 */
export function createTokenBucketDetector(parameters: TokenBucketParameters): Detector {
  check(inputSchemas.tokenBucket, parameters, 'token bucket parameters')
  const buckets = new Map<string, TokenBucket>()
  const bucketOf = (domain: string, now: number) => {
    let b = buckets.get(domain)
    if (!b) {
      b = new TokenBucket({ ...parameters, startTime: now })
      buckets.set(domain, b)
    }
    b.refill(now)
    return b
  }
  return {
    name: 'tokenBucket',
    check(event, usd) {
      const b = bucketOf(event.domain, event.timestamp)
      if (usd > b.tokens)
        return `token bucket of domain ${event.domain} holds ${dollars(b.tokens)} (capacity ${dollars(b.capacity)}, refill ${dollars(b.rate)}/s); transfer of ${dollars(usd)} exceeds it`
      return undefined
    },
    commit(event, usd) {
      bucketOf(event.domain, event.timestamp).tokens -= usd
    },
  }
}
