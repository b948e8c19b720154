import { check, inputSchemas } from '../internal/inputs.js'
import type { ScenarioSpecInput } from './spec.js'

/** The named scenarios of `caldera sandbox run --scenario`. */
export const scenarioNames = ['financial', 'enterprise', 'light', 'isolation-drill'] as const
export type ScenarioName = (typeof scenarioNames)[number]

/**
 * The spec of a named scenario: `financial` (heavy-tailed large transfers, a base-fee spike and a
 * reorg), `enterprise` (at least 500 notarized writes per second, an RPC outage), `light`
 * (thousands of players, a ramp and a spike), `isolation-drill` (three domains under mixed load,
 * a 1.5M USD exploit in the light domain that the breaker must cut off while the others go on).
 *
 * @example
 * import { runScenario, scenarioPreset } from '@caldera/sandbox'
 * const report = await runScenario(scenarioPreset({ name: 'isolation-drill', durationS: 20 }))
 */
export function scenarioPreset(options: {
  name: ScenarioName
  durationS?: number
  seed?: number
}): ScenarioSpecInput {
  check(inputSchemas.preset, options, 'scenarioPreset options')
  const { name, durationS, seed = 1 } = options
  const d = durationS ?? 20
  switch (name) {
    case 'financial':
      return {
        name,
        seed,
        durationS: d,
        domains: [{ name: 'financial', tier: 'financial' }],
        faults: [
          { kind: 'base-fee-spike', domain: 'financial', atS: d * 0.4, gwei: 30 },
          { kind: 'reorg', domain: 'financial', atS: d * 0.7, depth: 2 },
        ],
      }
    case 'enterprise':
      return {
        name,
        seed,
        durationS: d,
        domains: [{ name: 'enterprise', tier: 'enterprise' }],
        faults: [{ kind: 'rpc-outage', domain: 'enterprise', atS: d * 0.5, seconds: 1 }],
        slos: { maxLatencyP99Ms: 6_000 },
      }
    case 'light':
      return {
        name,
        seed,
        durationS: d,
        domains: [
          {
            name: 'light',
            tier: 'light',
            blockTime: 0.25,
            load: {
              mix: [{ profile: 'light', weight: 1 }],
              stages: [
                { kind: 'ramp', seconds: d * 0.3, from: 50, to: 300 },
                { kind: 'steady', seconds: d * 0.4, rate: 300 },
                { kind: 'spike', seconds: Math.max(1, d * 0.1), rate: 900 },
                { kind: 'steady', seconds: d * 0.2, rate: 300 },
              ],
            },
          },
        ],
      }
    case 'isolation-drill':
      return {
        name,
        seed,
        durationS: d,
        domains: [
          {
            name: 'financial',
            tier: 'financial',
            blockTime: 0.25,
            load: {
              mix: [
                { profile: 'financial', weight: 3 },
                { profile: 'light', weight: 1, senders: 200 },
              ],
              stages: [{ kind: 'steady', seconds: d, rate: 80 }],
            },
          },
          {
            name: 'enterprise',
            tier: 'enterprise',
            blockTime: 0.25,
            load: {
              mix: [
                { profile: 'enterprise', weight: 20 },
                { profile: 'financial', weight: 1, senders: 8 },
              ],
              stages: [{ kind: 'steady', seconds: d, rate: 600 }],
            },
          },
          {
            name: 'light',
            tier: 'light',
            blockTime: 0.25,
            load: {
              mix: [{ profile: 'light', weight: 1, senders: 1_000 }],
              stages: [{ kind: 'steady', seconds: d, rate: 200 }],
            },
          },
        ],
        faults: [{ kind: 'exploit', domain: 'light', atS: d * 0.5, usd: 1_500_000 }],
      }
  }
}
