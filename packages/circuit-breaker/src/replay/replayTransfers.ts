import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { CalderaError, parse, transferEventSchema } from '@caldera/core'
import { z } from 'zod'
import { createCircuitBreaker } from '../breaker/circuitBreaker.js'
import type { Trip } from '../detectors/pipeline.js'
import { EventLineError } from '../errors/breaker.js'
import { type BreakerPolicy, resolvePolicy } from '../policy/policy.js'

/** A trip found by a replay. */
export type ReplayTrip = Pick<Trip, 'domain' | 'detector' | 'index' | 'reason'> & {
  /** 1-based line of the event in the file. */
  line: number
  timestamp: number
  /** Micro-dollars of the tripping event. */
  usd: bigint
}

export type ReplayTransfersParameters = {
  /** Path of a JSON-lines file of transfer events (domain, from, to, token, amount, usd, timestamp). */
  file: string
  policy?: BreakerPolicy
  /** Called for each trip as it is found. */
  onTrip?: (trip: ReplayTrip) => void
}

export type ReplayTransfersReturnType = {
  events: number
  trips: ReplayTrip[]
  /** Events held because their domain was already open. */
  held: number
}

const parametersSchema = z.object({
  file: z.string().min(1),
  policy: z.looseObject({ tiers: z.looseObject({}) }).optional(),
  onTrip: z
    .custom<(trip: ReplayTrip) => void>((v) => typeof v === 'function', 'a function (trip) => void')
    .optional(),
})

/**
 * Streams a file of transfer events through the breaker (detectors of each domain's tier, one
 * breaker per domain) and reports every trip. A line that is not a valid event throws an
 * {@link EventLineError} naming the file and line. Blank lines are skipped.
 *
 * @example
 * import { replayTransfers } from '@caldera/circuit-breaker'
 * const { trips } = await replayTransfers({ file: 'history.jsonl' })
 * for (const trip of trips) console.log(trip.domain, trip.detector, trip.reason)
 */
export async function replayTransfers(input: ReplayTransfersParameters): Promise<ReplayTransfersReturnType> {
  parse(parametersSchema, input, 'replay parameters')
  const parameters = input
  const cb = createCircuitBreaker({ policy: parameters.policy ?? resolvePolicy() })
  const trips: ReplayTrip[] = []
  let events = 0
  let held = 0
  let line = 0
  const lines = createInterface({
    input: createReadStream(parameters.file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  try {
    for await (const text of lines) step(text)
  } catch (error) {
    if (error instanceof CalderaError) throw error
    throw new CalderaError(`Cannot read ${parameters.file}.`, {
      cause: error,
      hint: 'Pass the path of a readable JSON-lines file of transfer events.',
    })
  }
  return { events, trips, held }

  function step(text: string): void {
    line++
    if (text.trim() === '') return
    let event: ReturnType<typeof transferEventSchema.parse>
    try {
      event = parse(transferEventSchema, JSON.parse(text), 'transfer event')
    } catch (cause) {
      lines.close()
      throw new EventLineError({ file: parameters.file, line, cause })
    }
    const result = cb.observe(event)
    events++
    if (result.action === 'held') held++
    else if (result.action === 'tripped') {
      const { domain, detector, index, reason } = result.trip
      const trip = { domain, detector, index, reason, line, timestamp: event.timestamp, usd: event.usd }
      trips.push(trip)
      parameters.onTrip?.(trip)
    }
  }
}
