import { z } from 'zod'
import { check, inputSchemas } from '../internal/inputs.js'

/** A stage of a load: a constant rate, a linear ramp, or a short spike; rates in transactions per second. */
export const stageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('steady'),
    seconds: z.number().positive().max(86_400),
    rate: z.number().nonnegative().max(1_000_000),
  }),
  z.object({
    kind: z.literal('ramp'),
    seconds: z.number().positive().max(86_400),
    from: z.number().nonnegative().max(1_000_000),
    to: z.number().nonnegative().max(1_000_000),
  }),
  z.object({
    kind: z.literal('spike'),
    seconds: z.number().positive().max(86_400),
    rate: z.number().nonnegative().max(1_000_000),
  }),
])
export type Stage = z.infer<typeof stageSchema>

/** Total length of the stages in seconds. */
export function stagesDuration(stages: readonly Stage[]): number {
  check(inputSchemas.stages, stages, 'stages')
  return stages.reduce((s, st) => s + st.seconds, 0)
}

/** The rate (tx/s) a stage asks for `t` seconds into it. */
function rateAt(stage: Stage, t: number): number {
  if (stage.kind === 'ramp') return stage.from + ((stage.to - stage.from) * t) / stage.seconds
  return stage.rate
}

/**
 * The planned send times (ms from the start of the load) of every transaction the stages ask
 * for: the rate is integrated in 5 ms steps and a transaction is planned each time the integral
 * passes a whole number. Deterministic; no randomness.
 *
 * @example
 * import { planSendTimes } from '@caldera/sandbox'
 * planSendTimes([{ kind: 'steady', seconds: 1, rate: 4 }]) // [250, 500, 750, 1000]
 */
export function planSendTimes(stages: readonly Stage[]): number[] {
  check(inputSchemas.stages, stages, 'stages')
  const stepMs = 5
  const times: number[] = []
  let offsetMs = 0
  let carried = 0
  for (const stage of stages) {
    const steps = Math.round((stage.seconds * 1000) / stepMs)
    for (let i = 0; i < steps; i++) {
      const mid = ((i + 0.5) * stepMs) / 1000
      carried += (rateAt(stage, mid) * stepMs) / 1000
      while (carried >= 1 - 1e-9) {
        carried -= 1
        times.push(offsetMs + (i + 1) * stepMs)
      }
    }
    offsetMs += steps * stepMs
  }
  return times
}
