import { readFile } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { CalderaError, chainIdSchema, parse, tierSchema } from '@caldera/core'
import { defineCommand } from '@caldera/core/cli'
import { classifyScenario } from '../classify/classifyScenario.js'
import { defineDomain } from '../domain/defineDomain.js'

const json = (value: unknown) =>
  `${JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`

async function readJson(cwd: string, path: string): Promise<unknown> {
  const file = isAbsolute(path) ? path : resolve(cwd, path)
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new CalderaError(`Cannot read ${path}.`, { cause, hint: 'Pass the path of a JSON file.' })
  })
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new CalderaError(`${path} is not valid JSON.`, { cause, hint: 'Fix the JSON and run again.' })
  }
}

/** `caldera domain classify`: prints the tier a scenario needs, with the reasons. */
export const domainClassifyCommand = defineCommand({
  path: ['domain', 'classify'],
  summary: 'Classifies a scenario (JSON descriptor) into a risk tier and prints the tier with its reasons.',
  usage: 'caldera domain classify <scenario.json>',
  options: {},
  positionals: [
    {
      name: 'scenario.json',
      required: true,
      description:
        'valueAtRiskUsd, typicalTxValueUsd (micro-dollar integer strings), txPerDay, custodyOfUserFunds, regulatedActivity, sensitiveData.',
    },
  ],
  async run({ positionals, io }) {
    const descriptor = await readJson(io.cwd, positionals[0]!)
    io.stdout(json(classifyScenario(descriptor as never)))
    return 0
  },
})

/** `caldera domain define`: prints a validated domain config from a tier preset. */
export const domainDefineCommand = defineCommand({
  path: ['domain', 'define'],
  summary: 'Prints a validated domain config from a tier preset and optional overrides.',
  usage:
    'caldera domain define --name <name> --tier <tier> --chain-id <id> [--overrides <file>] [--allow-below-tier-minimum]',
  options: {
    name: {
      type: 'string',
      description: 'Domain name (lower-case letters, digits, dashes).',
      valueName: '<name>',
    },
    tier: { type: 'string', description: 'financial, enterprise or light.', valueName: '<tier>' },
    'chain-id': { type: 'string', description: 'Chain id of the domain.', valueName: '<id>' },
    overrides: {
      type: 'string',
      description: 'JSON file of security profile overrides.',
      valueName: '<file>',
    },
    'allow-below-tier-minimum': {
      type: 'boolean',
      description: 'Accept overrides weaker than the tier preset.',
    },
  },
  description: 'Exit code 1 with the weakened fields named when an override is below the tier minimum.',
  async run({ values, io }) {
    const tier = parse(tierSchema, values.tier, '--tier')
    const chainId = parse(chainIdSchema, Number(values['chain-id']), '--chain-id')
    const overrides = values.overrides !== undefined ? await readJson(io.cwd, values.overrides) : undefined
    const config = defineDomain({
      name: values.name ?? '',
      tier,
      chainId,
      // A file given is always passed on, so `null` or `[]` in it is refused, not ignored.
      ...(values.overrides !== undefined ? { overrides: overrides as never } : {}),
      ...(values['allow-below-tier-minimum'] ? { allowBelowTierMinimum: true } : {}),
    })
    io.stdout(json(config))
    return 0
  },
})
