import {
  addressSchema,
  bytes32Schema,
  chainIdSchema,
  domainNameSchema,
  formatZodError,
  positiveAmountSchema,
  type SecurityProfile,
  securityProfileSchema,
  type Tier,
  tierPresets,
  tierSchema,
  ValidationError,
  type ValidationIssue,
} from '@caldera/core'
import { z } from 'zod'
import { check, inputSchemas } from '../internal/inputs.js'
import type { StackComponent } from '../stack/component.js'
import { stackForTier } from '../stack/domainStack.js'

/** The EIP-7825 cap on the gas limit of one transaction (2^24). */
export const maxTransactionGas = 16_777_216n

/** How a domain's contracts are deployed. */
export const deployModeSchema = z.enum(['lite', 'traditional'])
export type DeployMode = z.infer<typeof deployModeSchema>

/** Deployment config of one domain. */
export const deployConfigSchema = z.object({
  /** `lite` (clones through the factory, the default) or `traditional` (full bytecode per domain). */
  mode: deployModeSchema.default('lite'),
  domain: z.object({
    name: domainNameSchema,
    tier: tierSchema,
    chainId: chainIdSchema,
    /** Defaults to the tier preset. */
    profile: securityProfileSchema.optional(),
  }),
  /** Admin of every per-domain contract. */
  admin: addressSchema,
  /** Account allowed to post batches; defaults to the admin. */
  poster: addressSchema.optional(),
  /** Gas price for the estimate, in wei; the chain's current price when omitted. */
  gasPrice: positiveAmountSchema.optional(),
  /** USD price of 1 ETH in micro-dollars (6 decimals), for the USD estimate. */
  ethUsd: positiveAmountSchema.optional(),
  /** CREATE2 salt of the shared implementations and factory (one set per salt and chain). */
  implementationSalt: bytes32Schema.default(`0x${'0'.repeat(64)}`),
  /** Highest gas limit any one transaction may have; at most the EIP-7825 cap. */
  maxTransactionGas: positiveAmountSchema
    .refine((v) => v <= maxTransactionGas, { message: `at most ${maxTransactionGas} (the EIP-7825 cap)` })
    .default(maxTransactionGas),
  /** Accept a profile weaker than the tier preset. */
  allowWeakerProfile: z.boolean().default(false),
  /** Parameters of individual components, by component name. */
  params: z.record(z.string(), z.unknown()).default({}),
})
export type DeployConfigInput = z.input<typeof deployConfigSchema>
/** A validated deployment config (profile filled in from the tier preset when omitted). */
export type DeployConfig = Omit<z.output<typeof deployConfigSchema>, 'domain'> & {
  domain: { name: string; tier: Tier; chainId: number; profile: SecurityProfile }
}

/**
 * Validates a deployment config without touching the network and returns it with defaults
 * filled in. Every problem is reported at once: one {@link ValidationError} lists the bad
 * fields of the config, the tier/profile mismatches and the bad parameters of each component.
 *
 * @example
 * import { validateDeployConfig } from '@caldera/deploy-lite'
 * const config = validateDeployConfig({
 *   config: { domain: { name: 'payments', tier: 'light', chainId: 31337 }, admin: '0xf39F…2266' },
 * })
 */
export function validateDeployConfig(parameters: {
  config: unknown
  stack: readonly StackComponent[]
}): DeployConfig {
  check(inputSchemas.validateConfig, parameters, 'validateDeployConfig parameters')
  const { config: input, stack } = parameters
  const issues: ValidationIssue[] = []
  const result = deployConfigSchema.safeParse(input, { reportInput: true })
  if (!result.success) issues.push(...formatZodError(result.error, input))

  // Cross-field checks run on whatever parsed, so they are reported with the field errors.
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const domain = (typeof raw.domain === 'object' && raw.domain !== null ? raw.domain : {}) as Record<
    string,
    unknown
  >
  const tier = tierSchema.safeParse(domain.tier)
  const profile = securityProfileSchema.safeParse(domain.profile)
  if (tier.success && domain.profile !== undefined && profile.success) {
    const preset = tierPresets[tier.data]
    if (profile.data.tier !== tier.data)
      issues.push({
        path: 'domain.profile.tier',
        received: `"${profile.data.tier}"`,
        expected: `"${tier.data}" (the domain's tier)`,
      })
    if (raw.allowWeakerProfile !== true) {
      if (profile.data.minValidators < preset.minValidators)
        issues.push({
          path: 'domain.profile.minValidators',
          received: String(profile.data.minValidators),
          expected: `at least ${preset.minValidators} (the ${tier.data} preset), or allowWeakerProfile: true`,
        })
      if (profile.data.minStakePerValidator < preset.minStakePerValidator)
        issues.push({
          path: 'domain.profile.minStakePerValidator',
          received: String(profile.data.minStakePerValidator),
          expected: `at least ${preset.minStakePerValidator} (the ${tier.data} preset), or allowWeakerProfile: true`,
        })
    }
  }
  const names = new Set(stack.map((c) => c.name))
  const params = (typeof raw.params === 'object' && raw.params !== null ? raw.params : {}) as Record<
    string,
    unknown
  >
  for (const [name, value] of Object.entries(params)) {
    const component = stack.find((c) => c.name === name)
    if (!component) {
      issues.push({
        path: `params.${name}`,
        received: 'parameters of an unknown component',
        expected: `one of ${[...names].join(', ')}`,
      })
      continue
    }
    if (!component.params) continue
    const parsed = component.params.safeParse(value, { reportInput: true })
    if (!parsed.success)
      for (const issue of formatZodError(parsed.error, value))
        issues.push({ ...issue, path: `params.${name}${issue.path === '(root)' ? '' : `.${issue.path}`}` })
  }
  if (tier.success)
    for (const component of stackForTier({ stack, tier: tier.data }))
      if (component.params && !(component.name in params)) {
        const parsed = component.params.safeParse(undefined)
        if (!parsed.success)
          issues.push({
            path: `params.${component.name}`,
            received: 'undefined',
            expected: 'parameters for this component',
          })
      }
  if (issues.length > 0 || !result.success)
    throw new ValidationError({
      subject: 'deployment config',
      issues,
      cause: result.success ? undefined : result.error,
    })

  const parsedParams: Record<string, unknown> = {}
  for (const component of stack)
    if (component.params) parsedParams[component.name] = component.params.parse(params[component.name])
    else if (component.name in params) parsedParams[component.name] = params[component.name]
  const data = result.data
  const config: DeployConfig = {
    ...data,
    params: parsedParams,
    domain: { ...data.domain, profile: data.domain.profile ?? tierPresets[data.domain.tier] },
  }
  validatedConfigs.add(config)
  return config
}

const validatedConfigs = new WeakSet<object>()

/** Validates `config` unless it is already the output of {@link validateDeployConfig}. */
export function resolveDeployConfig(parameters: {
  config: unknown
  stack: readonly StackComponent[]
}): DeployConfig {
  const { config } = parameters
  if (typeof config === 'object' && config !== null && validatedConfigs.has(config))
    return config as DeployConfig
  return validateDeployConfig(parameters)
}
