import {
  type DeployDomainReturnType,
  type DeployMode,
  type DeploymentPlan,
  deployDomain,
  planDeployment,
  type StackComponent,
} from '@caldera/deploy-lite'
import { getChainId } from 'viem/actions'
import type { CalderaDomain } from './config.js'
import { MissingWalletError } from './errors.js'

/** Options of `caldera.deploy.plan` / `caldera.deploy.domain` (the rest of the deploy-lite config). */
export type CalderaDeployOptions = {
  /** `lite` (one transaction of clones, the default) or `traditional`. */
  mode?: DeployMode
  /** Admin of every per-domain contract; the wallet's account by default. */
  admin?: `0x${string}`
  /** USD per ETH (6 decimals) for the USD estimate. */
  ethUsd?: bigint
  /** Parameters of individual components, by component name (e.g. `{ Channel: { token } }`). */
  params?: Record<string, unknown>
  /** The stack to deploy (deploy-lite's `domainStack` by default). */
  stack?: readonly StackComponent[]
  /** Accept a profile weaker than the tier preset. */
  allowWeakerProfile?: boolean
}

/** Deployment actions of a Caldera instance (`caldera.deploy`), built on `@caldera/deploy-lite`. */
export type CalderaDeployActions = {
  /** Validates, simulates and prices a domain's deployment without sending anything. */
  plan(domain: string, options?: CalderaDeployOptions): Promise<DeploymentPlan>
  /** Deploys a domain's contract stack and records the addresses in `caldera.domains[domain].contracts`. */
  domain(domain: string, options?: CalderaDeployOptions): Promise<DeployDomainReturnType>
}

async function configOf(domain: CalderaDomain, admin: `0x${string}`, options: CalderaDeployOptions) {
  const chainId = domain.publicClient.chain?.id ?? (await getChainId(domain.publicClient))
  return {
    mode: options.mode ?? 'lite',
    domain: {
      name: domain.name,
      tier: domain.tier,
      chainId,
      ...(domain.profile && { profile: domain.profile }),
    },
    admin,
    ...(options.ethUsd !== undefined && { ethUsd: options.ethUsd }),
    ...(options.allowWeakerProfile !== undefined && { allowWeakerProfile: options.allowWeakerProfile }),
    params: options.params ?? {},
  }
}

export function deployActions(domainOf: (name: string) => CalderaDomain): CalderaDeployActions {
  const walletOf = (d: CalderaDomain) => {
    if (!d.walletClient) throw new MissingWalletError({ domain: d.name })
    return d.walletClient
  }
  return {
    async plan(name, options = {}) {
      const d = domainOf(name)
      const deployer = options.admin ?? walletOf(d).account.address
      return planDeployment(d.publicClient, {
        config: await configOf(d, deployer, options),
        deployer,
        ...(options.stack && { stack: options.stack }),
      })
    },
    async domain(name, options = {}) {
      const d = domainOf(name)
      const wallet = walletOf(d)
      const result = await deployDomain(wallet, {
        config: await configOf(d, options.admin ?? wallet.account.address, options),
        ...(options.stack && { stack: options.stack }),
      })
      Object.assign(d.contracts, result.addresses.contracts)
      return result
    },
  }
}
