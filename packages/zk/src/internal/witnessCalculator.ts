/// <reference path="../types/circom_runtime.d.ts" />
import { type WitnessCalculator, WitnessCalculatorBuilder } from 'circom_runtime'

type Entry = { calculator: Promise<WitnessCalculator>; queue: Promise<unknown> }

/** One compiled witness calculator per witness-generator bytes (compiling 4 MB of wasm per proof is slow). */
const cache = new WeakMap<Uint8Array, Entry>()

/**
 * Computes the `.wtns` bytes of an input with a cached circom witness calculator. Calls on the same
 * calculator run one at a time (it keeps the signals in its wasm memory).
 */
export function calculateWitnessBytes(wasm: Uint8Array, input: Record<string, unknown>): Promise<Uint8Array> {
  let entry = cache.get(wasm)
  if (!entry) {
    entry = { calculator: WitnessCalculatorBuilder(wasm), queue: Promise.resolve() }
    cache.set(wasm, entry)
  }
  const current = entry
  const run = current.queue.then(async () => (await current.calculator).calculateWTNSBin(input))
  current.queue = run.catch(() => undefined)
  return run
}
