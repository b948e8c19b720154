/**
 * A ring buffer of (timestamp, value) pairs inside a sliding time window, with a running sum.
 * Grows by doubling; no allocation per event once warm.
 */
export class TimeWindow {
  times: Float64Array
  values: Float64Array
  head = 0
  size = 0
  sum = 0
  last = Number.NEGATIVE_INFINITY
  private mask: number

  constructor(capacity = 16) {
    let cap = 1
    while (cap < capacity) cap <<= 1
    this.times = new Float64Array(cap)
    this.values = new Float64Array(cap)
    this.mask = cap - 1
  }

  /** Drops entries at or before `now - windowSeconds`. */
  evict(now: number, windowSeconds: number): void {
    const cutoff = now - windowSeconds
    const times = this.times
    while (this.size > 0 && times[this.head]! <= cutoff) {
      this.sum -= this.values[this.head]!
      this.head = (this.head + 1) & this.mask
      this.size--
    }
    if (this.size === 0) this.sum = 0
  }

  /** The oldest timestamp in the window (`undefined` when empty). */
  oldest(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.head]
  }

  /** Empties the window (keeps its buffers). */
  clear(): void {
    this.head = 0
    this.size = 0
    this.sum = 0
    this.last = Number.NEGATIVE_INFINITY
  }

  push(time: number, value: number): void {
    if (this.size === this.times.length) this.grow()
    const index = (this.head + this.size) & this.mask
    this.times[index] = time
    this.values[index] = value
    this.size++
    this.sum += value
    this.last = time
  }

  private grow(): void {
    const cap = this.times.length * 2
    const times = new Float64Array(cap)
    const values = new Float64Array(cap)
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) & this.mask
      times[i] = this.times[j]!
      values[i] = this.values[j]!
    }
    this.times = times
    this.values = values
    this.head = 0
    this.mask = cap - 1
  }
}
