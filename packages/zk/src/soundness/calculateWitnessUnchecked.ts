/// <reference path="../types/circom_runtime.d.ts" />
import { type WitnessCalculator, WitnessCalculatorBuilder } from 'circom_runtime'
import type { CircuitInput } from '../artifacts/types.js'
import { ProofGenerationError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { decodeWitness } from '../witness/witness.js'

export type CalculateWitnessUncheckedParameters = {
  /** The circuit's witness generator (`.wasm` bytes, e.g. `artifacts.wasm`). */
  wasm: Uint8Array
  /** Input signals, possibly ones that break the circuit's assertions. */
  input: CircuitInput
}

export type CalculateWitnessUncheckedReturnType = {
  /** Every wire value, computed as the circuit's own witness generator computes it. */
  witness: bigint[]
  /** How many `===` assertions failed (and were passed over) while computing it. */
  failedAssertions: number
}

type Entry = { calculator: Promise<WitnessCalculator>; state: { failed: number }; queue: Promise<unknown> }
const cache = new WeakMap<Uint8Array, Entry>()
const ASSERT_FAILED = 4

async function instantiate(wasm: Uint8Array, state: { failed: number }): Promise<WitnessCalculator> {
  const module = await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>)
  const instance = await WebAssembly.instantiate(module, {
    env: { memory: new WebAssembly.Memory({ initial: 32767 }) },
    runtime: {
      exceptionHandler(code: number) {
        if (code === ASSERT_FAILED) {
          state.failed++
          return
        }
        throw new Error(`circom witness generator error ${code}`)
      },
      printErrorMessage() {},
      writeBufferMessage() {},
      showSharedRWMemory() {},
      printDebug() {},
    },
  })
  return WitnessCalculatorBuilder(instance)
}

/**
 * Computes a witness with the circuit's own witness generator but WITHOUT throwing at failed
 * `===` assertions: each failure is counted and passed over. For soundness tests, this turns
 * inputs that break the circuit's statement (a value out of range, a wrong Merkle path, a sum
 * that does not add up) into the witness the generator makes of them: range-check bits are the
 * truncated bits of the wrapped value, hashes are real. `checkWitness` then shows which
 * constraints refuse it; `proveWitness` shows that a proof made from it does not verify.
 *
 * circom's generator leaves the template whose assertion failed, and the templates that called
 * it, at that point: signals computed after the failure keep the value 0. When the failure is in
 * the last component of `main` the witness is complete; otherwise complete the missing signals
 * from an honest witness or by hand (`mutateWitness`) to isolate the one refused property.
 *
 * @param parameters - `wasm` (the circuit's witness generator) and `input`.
 * @returns The witness and the number of failed assertions (0 for inputs the circuit accepts).
 * @throws {ProofGenerationError} When the generator fails for another reason (unknown or missing input signal).
 *
 * @example
 * import { calculateWitnessUnchecked, checkWitness } from '@caldera/zk'
 * const { witness, failedAssertions } = await calculateWitnessUnchecked({ wasm: artifacts.wasm, input: { ...input, value: 12n } })
 * expect(failedAssertions).toBeGreaterThan(0)
 * expect(checkWitness({ r1cs, witness })).not.toEqual([])
 */
export async function calculateWitnessUnchecked(
  parameters: CalculateWitnessUncheckedParameters,
): Promise<CalculateWitnessUncheckedReturnType> {
  check(inputSchemas.unchecked, parameters, 'calculateWitnessUnchecked parameters')
  const { wasm, input } = parameters
  let entry = cache.get(wasm)
  if (!entry) {
    const state = { failed: 0 }
    const calculator = instantiate(wasm, state)
    // Awaited by the run below; marked handled so a bad module is not also an unhandled rejection.
    calculator.catch(() => undefined)
    entry = { calculator, state, queue: Promise.resolve() }
    cache.set(wasm, entry)
  }
  const current = entry
  const run = current.queue.then(async () => {
    current.state.failed = 0
    try {
      const bytes = await (await current.calculator).calculateWTNSBin(input as Record<string, unknown>, true)
      return { witness: decodeWitness(bytes), failedAssertions: current.state.failed }
    } catch (cause) {
      throw new ProofGenerationError({ circuit: 'unchecked witness' }, { cause })
    }
  })
  current.queue = run.catch(() => undefined)
  return run
}
