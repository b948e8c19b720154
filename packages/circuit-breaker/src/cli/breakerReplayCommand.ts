import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { CalderaError } from '@caldera/core'
import { defineCommand } from '@caldera/core/cli'
import { resolvePolicy } from '../policy/policy.js'
import { replayTransfers } from '../replay/replayTransfers.js'

/**
 * `caldera breaker replay <events.jsonl> [--policy <file>]`: backtests a breaker policy on a
 * history of transfers and prints every trip as one JSON line.
 */
export const breakerReplayCommand = defineCommand({
  path: ['breaker', 'replay'],
  summary: 'Replays transfer events through the detectors and prints every trip as JSON.',
  usage: 'caldera breaker replay <events.jsonl> [--policy <file>]',
  description: [
    'Each line of <events.jsonl> is one JSON transfer: {"domain","from","to","token","amount","usd","timestamp"}',
    '(usd in micro-dollars, timestamp in seconds; optional "toDomain" for lane limits).',
    'Each trip prints {"domain","detector","index","line","reason","timestamp","usd"}; a summary goes to stderr.',
    'Exit codes: 0 no trip, 1 at least one trip, 2 usage error.',
  ].join('\n'),
  options: {
    policy: {
      type: 'string',
      valueName: '<file>',
      description: 'Policy JSON file (tier overrides, domain tiers).',
    },
  },
  positionals: [
    { name: 'events.jsonl', required: true, description: 'Transfer events, one JSON object a line.' },
  ],
  async run({ values, positionals, io }) {
    const at = (path: string) => (isAbsolute(path) ? path : resolve(io.cwd, path))
    let policy = resolvePolicy()
    if (values.policy !== undefined) {
      let json: unknown
      try {
        json = JSON.parse(readFileSync(at(values.policy), 'utf8'))
      } catch (cause) {
        throw new CalderaError(`Cannot read policy file ${values.policy}.`, {
          cause,
          hint: 'Pass a JSON file such as {"tiers":{"light":{"singleTransferUsd":500000}}}.',
        })
      }
      policy = resolvePolicy(json)
    }
    const file = positionals[0]!
    const { events, trips, held } = await replayTransfers({
      file: at(file),
      policy,
      onTrip: (trip) =>
        io.stdout(
          `${JSON.stringify({
            domain: trip.domain,
            detector: trip.detector,
            index: trip.index,
            line: trip.line,
            reason: trip.reason,
            timestamp: trip.timestamp,
            usd: String(trip.usd),
          })}\n`,
        ),
    })
    io.stderr(`${events} events, ${trips.length} trips, ${held} events held behind an open breaker\n`)
    return trips.length > 0 ? 1 : 0
  },
})
