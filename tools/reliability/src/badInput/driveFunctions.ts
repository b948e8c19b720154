/**
 * Drives every public function with the corpus: each parameter in turn gets each value that is
 * surely wrong for its kind (a clean typed refusal is required) and, unless the function is heavy,
 * each strange value (a return is fine, a throw must be clean).
 */
import fc from 'fast-check'
import { heavy, notDriven, objectParamNames, paramKinds } from './config.js'
import { type HostileValue, hostileValueArb, type ParamKind, strange, surelyBad } from './corpus.js'
import { classifyThrown, type Outcome, prototypePollution, summarize } from './outcome.js'
import type { SurfaceFunction } from './surface.js'

/** One hostile call and what came of it. */
export type CallResult = {
  functionId: string
  input: string
  /** `bad`: surely invalid, must be refused; `strange`: may be accepted, must not crash. */
  expectation: 'bad' | 'strange'
  outcome: Outcome
}

export type DriveFunctionsOptions = {
  /** A real viem client (wallet + public actions) for functions that take a client first. */
  client: unknown
  /** Extra generated values per function (soak mode); 0 in the bounded test. */
  generatedPerFunction: number
  seed: number
  /** Milliseconds before a call that has not settled counts as hung. */
  callTimeoutMs?: number
  log?: (line: string) => void
}

/** The kind of each parameter of a function (after the client, for client-first functions). */
export function kindsOf(fn: SurfaceFunction): ParamKind[] {
  const declared = paramKinds[fn.id]
  if (declared) return declared
  const params = fn.shape.kind === 'client' ? fn.shape.params.slice(1) : fn.shape.params
  return params.map((name) => (objectParamNames.has(name) ? 'object' : 'any'))
}

/** True when the function is driven (not on the {@link notDriven} list). */
export function isDriven(fn: SurfaceFunction): boolean {
  return !(fn.id in notDriven) && !fn.aliases.some((alias) => alias in notDriven)
}

async function settle(call: () => unknown, timeoutMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined
  try {
    const result = await Promise.race([
      (async () => call())(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HungError(timeoutMs)), timeoutMs)
      }),
    ])
    // A generator validates when it is first read: read one item.
    const first = await Promise.race([
      pull(result),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HungError(timeoutMs)), timeoutMs)
      }),
    ])
    await release(result)
    return { kind: 'accepted', detail: `returned ${summarize(first ?? result)}` }
  } catch (error) {
    if (error instanceof HungError) return { kind: 'crashed', detail: error.message }
    return classifyThrown(error)
  } finally {
    clearTimeout(timer)
  }
}

class HungError extends Error {
  constructor(ms: number) {
    super(`did not settle within ${ms} ms`)
  }
}

async function pull(result: unknown): Promise<unknown> {
  const iterator = result as AsyncGenerator<unknown> | null
  if (
    typeof iterator !== 'object' ||
    iterator === null ||
    typeof iterator[Symbol.asyncIterator] !== 'function'
  )
    return undefined
  try {
    return (await iterator.next()).value
  } finally {
    await iterator.return?.(undefined)
  }
}

/** Stops whatever an accepted call started (watchers, relayers, chains). */
async function release(result: unknown): Promise<void> {
  if (typeof result !== 'object' || result === null) return
  for (const method of ['stop', 'close', 'terminate']) {
    const fn = (result as Record<string, unknown>)[method]
    if (typeof fn === 'function') {
      try {
        await Promise.race([fn.call(result), new Promise((r) => setTimeout(r, 2_000))])
      } catch {}
      return
    }
  }
}

function argsFor(
  fn: SurfaceFunction,
  client: unknown,
  position: number,
  value: unknown,
  arity: number,
): unknown[] {
  const args: unknown[] = Array.from({ length: arity }, () => undefined)
  args[position] = value
  return fn.shape.kind === 'client' ? [client, ...args] : args
}

function invoke(fn: SurfaceFunction, args: unknown[]): unknown {
  if (fn.shape.kind === 'class') return new (fn.fn as unknown as new (...a: unknown[]) => unknown)(...args)
  return fn.fn(...args)
}

/** Drives one function with the whole corpus. */
export async function driveFunction(
  fn: SurfaceFunction,
  options: DriveFunctionsOptions,
): Promise<CallResult[]> {
  const timeoutMs = options.callTimeoutMs ?? 15_000
  const kinds = kindsOf(fn)
  const arity = Math.max(kinds.length, 1)
  const results: CallResult[] = []
  const run = async (position: number, hostile: HostileValue, expectation: 'bad' | 'strange') => {
    const value = hostile.value()
    const args = argsFor(fn, options.client, position, value, arity)
    let outcome = await settle(() => invoke(fn, args), timeoutMs)
    const polluted = prototypePollution()
    if (polluted) outcome = { kind: 'crashed', detail: polluted }
    results.push({ functionId: fn.id, input: `arg ${position + 1} = ${hostile.label}`, expectation, outcome })
  }
  for (let position = 0; position < arity; position++) {
    const kind = kinds[position] ?? 'any'
    for (const hostile of surelyBad[kind]) await run(position, hostile, 'bad')
    if (heavy.has(fn.id)) continue
    for (const hostile of strange) await run(position, hostile, 'strange')
    if (options.generatedPerFunction > 0) {
      const values = fc.sample(hostileValueArb, {
        numRuns: options.generatedPerFunction,
        seed: options.seed + position,
      })
      for (const [i, value] of values.entries())
        await run(position, { label: `generated #${i} ${summarize(value)}`, value: () => value }, 'strange')
    }
  }
  return results
}
