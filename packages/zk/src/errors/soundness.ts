import type { CalderaErrorOptions } from '@caldera/core'
import { ZkError } from './zk.js'

/** A witness does not fit the constraint system it is checked against (length, constant wire). */
export class InvalidWitnessError extends ZkError {
  override name = 'InvalidWitnessError'
}

/** A signal name is not in a circuit's symbol table, or the compiler eliminated its wire. */
export class UnknownSignalError extends ZkError {
  override name = 'UnknownSignalError'
}

/**
 * Signals that can take another value, alone, while every constraint still holds: the circuit
 * does not determine them from the other signals (an under-constrained circuit).
 */
export class UnderconstrainedSignalError extends ZkError {
  override name = 'UnderconstrainedSignalError'
  /** The free signals: wire, its name when known, and a change that keeps every constraint. */
  readonly signals: readonly { wire: number; name: string | undefined; delta: bigint; anyDelta: boolean }[]
  constructor(
    {
      signals,
    }: {
      signals: readonly { wire: number; name: string | undefined; delta: bigint; anyDelta: boolean }[]
    },
    options: CalderaErrorOptions = {},
  ) {
    super(`${signals.length} signal(s) are not determined by the constraints.`, {
      metaMessages: signals
        .slice(0, 20)
        .map(
          (s) =>
            `wire ${s.wire}${s.name ? ` (${s.name})` : ''}: ${s.anyDelta ? 'any value' : `value + ${s.delta}`} keeps every constraint`,
        )
        .concat(signals.length > 20 ? [`… and ${signals.length - 20} more`] : []),
      hint: 'Constrain each listed signal (use <== or ===, not <-- alone), or document why the circuit ignores it.',
      ...options,
    })
    this.signals = signals
  }
}
