import { domainIdOf, parse } from '@caldera/core'
import {
  type ClassifyScenarioReturnType,
  classifyScenario,
  type ScenarioDescriptorInput,
} from '@caldera/risk-domain'
import { breakerActions, type CalderaBreakerActions } from './breakerActions.js'
import { type CalderaComplianceActions, complianceActions } from './complianceActions.js'
import { type CalderaConfig, type CalderaDomain, calderaConfigSchema } from './config.js'
import { type CalderaDeployActions, deployActions } from './deployActions.js'
import { UnknownDomainError } from './errors.js'
import { type CalderaPrivacyActions, privacyActions } from './privacyActions.js'

/** The base actions of a Caldera instance. */
export type CalderaBase = {
  /** Every domain by name: its tier, id, clients and deployed contracts. */
  readonly domains: Readonly<Record<string, CalderaDomain>>
  /** The domain called `name`; throws `UnknownDomainError` for a name the instance does not hold. */
  domain(name: string): CalderaDomain
  /** Classifies a scenario into a tier and security profile (`@caldera/risk-domain`). */
  classify(descriptor: ScenarioDescriptorInput): ClassifyScenarioReturnType
  deploy: CalderaDeployActions
  breaker: CalderaBreakerActions
  compliance: CalderaComplianceActions
  privacy: CalderaPrivacyActions
}

/** A Caldera instance: the base actions, whatever extensions were added, and `extend`. */
export type Caldera<TExtended extends object = object> = CalderaBase &
  TExtended & {
    /**
     * Returns a new instance with the properties `fn(caldera)` returns added (viem's `client.extend`).
     *
     * @example
     * const withPing = caldera.extend((c) => ({ ping: () => Object.keys(c.domains).length }))
     * withPing.ping()
     */
    extend<const TAdded extends object>(
      fn: (caldera: Caldera<TExtended>) => TAdded,
    ): Caldera<TExtended & TAdded>
  }

function withExtend<T extends object>(base: CalderaBase & T): Caldera<T> {
  const caldera = base as Caldera<T>
  caldera.extend = <const TAdded extends object>(fn: (c: Caldera<T>) => TAdded) => {
    const added = fn(caldera)
    return withExtend<T & TAdded>({ ...caldera, ...added } as CalderaBase & T & TAdded)
  }
  return caldera
}

/**
 * Composes risk domains, the circuit breaker, compliance, privacy and deployment behind one
 * typed object. Each domain is a chain reached through viem clients; actions are grouped by
 * concern and take the domain by name. The config is validated (every bad field is named).
 *
 * @param config `domains` (name, tier, `publicClient`, optional `walletClient`, `wsUrl`,
 *   `profile`, known `contracts`) and an optional `breakerPolicy`.
 * @returns The instance: `domains`, `domain(name)`, `classify`, `deploy`, `breaker`,
 *   `compliance`, `privacy` and `extend(fn)`.
 *
 * @example
 * import { createCaldera } from '@caldera/sdk'
 * import { startDevnet } from '@caldera/devnet'
 *
 * const devnet = await startDevnet({ chains: [{ name: 'payments' }, { name: 'games' }] })
 * const games = devnet.chain('games')
 * const caldera = createCaldera({
 *   domains: [
 *     { name: 'payments', tier: 'financial', publicClient: devnet.chain('payments').publicClient },
 *     { name: 'games', tier: 'light', publicClient: games.publicClient, walletClient: games.walletClient, wsUrl: games.wsUrl },
 *   ],
 * })
 * await caldera.deploy.domain('games', { params: { Channel: { token }, StakingRegistry: { token } } })
 * console.log(caldera.domains.games.contracts.Channel)
 */
export function createCaldera(config: CalderaConfig): Caldera {
  const parsed = parse(calderaConfigSchema, config, 'Caldera config')
  const list: CalderaDomain[] = parsed.domains.map((d) => ({
    name: d.name,
    tier: d.tier,
    profile: d.profile,
    domainId: domainIdOf(d.name),
    publicClient: d.publicClient,
    walletClient: d.walletClient,
    wsUrl: d.wsUrl,
    contracts: { ...d.contracts } as CalderaDomain['contracts'],
  }))
  const domains = Object.freeze(Object.fromEntries(list.map((d) => [d.name, d])))
  const domainOf = (name: string): CalderaDomain => {
    const d = domains[name]
    if (!d) throw new UnknownDomainError({ domain: name, known: Object.keys(domains) })
    return d
  }
  return withExtend<object>({
    domains,
    domain: domainOf,
    classify: (descriptor) => classifyScenario(descriptor),
    deploy: deployActions(domainOf),
    breaker: breakerActions(list, domainOf, parsed.breakerPolicy),
    compliance: complianceActions(domainOf),
    privacy: privacyActions(domainOf),
  })
}
