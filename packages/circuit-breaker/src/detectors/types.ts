/**
 * A transfer as the detectors see it. `usd` is micro-dollars (6 decimals); `timestamp` is
 * seconds (fractions allowed). `toDomain` is set when the transfer crosses a lane.
 */
export type DetectorEvent = {
  readonly domain: string
  readonly toDomain?: string | undefined
  readonly from: string
  readonly usd: bigint
  readonly timestamp: number
}

/** The names of the built-in detectors. */
export type DetectorName =
  | 'singleTransfer'
  | 'rollingDomain'
  | 'rollingLane'
  | 'tokenBucket'
  | 'velocity'
  | 'outlier'
  /** The channel's on-chain guard held a transfer (`TransferHeld`). */
  | 'onChainGuard'
  /** Fail-closed: the watcher lost sight of the domain's chain. */
  | 'failClosed'

/**
 * A streaming detector. `check` decides whether an event trips it (without counting the event);
 * `commit` counts an event that every detector admitted. Amounts passed as `usd` are exact
 * integer micro-dollars held in a number (limits are validated to stay below 2^53 micro-dollars,
 * about 9 billion USD, so every comparison is exact; a larger single value always trips).
 */
export type Detector = {
  readonly name: DetectorName
  /** Returns a human-readable reason when `event` trips the detector, otherwise `undefined`. */
  check(event: DetectorEvent, usd: number): string | undefined
  /** Counts an admitted event. */
  commit(event: DetectorEvent, usd: number): void
}

/** Converts micro-dollars to an exact number, saturating far above any limit. */
export function usdToNumber(usd: bigint): number {
  return usd > 9_007_199_254_740_991n ? Number.MAX_VALUE : Number(usd)
}

/** Formats micro-dollars (as a number) as dollars for reasons. */
export function dollars(usd: number): string {
  const whole = Math.floor(usd / 1_000_000)
  const cents = Math.floor((usd % 1_000_000) / 10_000)
  return `${whole.toLocaleString('en-US')}${cents ? `.${String(cents).padStart(2, '0')}` : ''} USD`
}
