/** Runs `fn` once and returns its result with the elapsed milliseconds. */
export async function timeIt<T>(fn: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now()
  const result = await fn()
  return { result, ms: performance.now() - start }
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's milliseconds. */
export async function measure(
  fn: () => unknown,
  { runs, warmup = 1 }: { runs: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times
}
