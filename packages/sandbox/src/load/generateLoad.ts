import { createRandom } from '@caldera/core'
import { z } from 'zod'
import { check, inputSchemas } from '../internal/inputs.js'
import { deriveLoadAccounts, type LoadAccount } from './accounts.js'
import {
  type LoadProfileName,
  type LoadTargets,
  loadProfileNameSchema,
  loadProfiles,
  type TxIntent,
} from './profiles.js'
import { planSendTimes, type Stage, stageSchema } from './stages.js'

/** A weighted share of a profile in a mix. */
export const mixEntrySchema = z.object({
  profile: loadProfileNameSchema,
  weight: z.number().positive().max(1_000_000),
  /** Sending accounts of this profile (default: the profile's). */
  senders: z.number().int().min(1).max(20_000).optional(),
})

/** The load of one domain: a profile or a weighted mix of profiles, over stages. */
export const loadSpecSchema = z.object({
  mix: z.array(mixEntrySchema).min(1).max(3),
  stages: z.array(stageSchema).min(1).max(64),
})
export type LoadSpec = z.input<typeof loadSpecSchema>

/** A generated load: its accounts and intents with planned send times, not yet signed. */
export type GeneratedLoad = {
  /** Sending accounts; `intent.sender` indexes this list. */
  accounts: LoadAccount[]
  /** Accounts of each profile (for funding). */
  accountsByProfile: Partial<Record<LoadProfileName, LoadAccount[]>>
  intents: { intent: TxIntent; at: number }[]
}

/**
 * Generates a domain's load from a seed: the send times of the stages, and for each send a
 * profile drawn by weight and a transaction of that profile. Same seed and spec, same load.
 *
 * @example
 * import { generateLoad } from '@caldera/sandbox'
 * const load = generateLoad({
 *   seed: 1, label: 'light', targets,
 *   spec: { mix: [{ profile: 'light', weight: 1 }], stages: [{ kind: 'steady', seconds: 10, rate: 200 }] },
 * })
 */
export function generateLoad(options: {
  seed: number
  /** Distinguishes domains sharing a seed (e.g. the domain name). */
  label: string
  spec: LoadSpec
  targets: LoadTargets
}): GeneratedLoad {
  check(inputSchemas.generateLoad, options, 'generateLoad options')
  const { seed, label, spec, targets } = options
  const parsed = loadSpecSchema.parse(spec)
  const rng = createRandom(seed).fork(label)
  const accounts: LoadAccount[] = []
  const accountsByProfile: GeneratedLoad['accountsByProfile'] = {}
  const groups = parsed.mix.map((entry) => {
    const shape = loadProfiles[entry.profile]
    const own = deriveLoadAccounts({
      seed,
      label: `${label}/${entry.profile}`,
      count: entry.senders ?? shape.senders,
    })
    const offset = accounts.length
    accounts.push(...own)
    accountsByProfile[entry.profile] = own
    return {
      entry,
      shape,
      offset,
      senders: own.map((a) => a.address),
      rng: rng.fork(entry.profile),
      count: 0,
    }
  })
  const totalWeight = parsed.mix.reduce((s, e) => s + e.weight, 0)
  const pickRng = rng.fork('mix')
  const intents = planSendTimes(parsed.stages).map((at) => {
    let r = pickRng.next() * totalWeight
    let group = groups[0]!
    for (const g of groups) {
      group = g
      r -= g.entry.weight
      if (r < 0) break
    }
    const intent = group.shape.build({
      index: group.count++,
      rng: group.rng,
      senders: group.senders,
      targets,
    })
    return { intent: { ...intent, sender: intent.sender + group.offset }, at }
  })
  return { accounts, accountsByProfile, intents }
}

/** The stages a profile runs when a scenario gives none: `seconds` at the profile's usual rate. */
export function defaultStages(profile: LoadProfileName, seconds: number): Stage[] {
  check(inputSchemas.defaultStages, [profile, seconds], 'defaultStages (profile, seconds)')
  const rate = { financial: 60, enterprise: 550, light: 300 }[profile]
  const ramp = Math.min(2, seconds / 4)
  return [
    { kind: 'ramp', seconds: ramp, from: rate / 4, to: rate },
    { kind: 'steady', seconds: seconds - ramp, rate },
  ]
}
