import type { Account, Address, Chain, Client, Transport } from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'
import type { StackComponent } from '../stack/component.js'
import { type ExecuteDeploymentReturnType, executeDeployment } from './executeDeployment.js'
import { type DeploymentPlan, planDeployment } from './planDeployment.js'

export type DeployDomainParameters = {
  /** The deployment config (see `deployConfigSchema`). */
  config: unknown
  /** The stack; `domainStack` by default. */
  stack?: readonly StackComponent[]
  /** How gas is estimated (see `planDeployment`); `auto` by default. */
  estimator?: 'auto' | 'simulate' | 'estimateGas'
}
export type DeployDomainReturnType = ExecuteDeploymentReturnType & { plan: DeploymentPlan }

/**
 * Plans and executes a domain deployment with the client's account: validates the config,
 * estimates every transaction, refuses anything above the EIP-7825 cap, then sends. Running it
 * again for a domain that is already there sends nothing and returns `already-deployed`.
 *
 * @example
 * import { deployDomain } from '@caldera/deploy-lite'
 * const result = await deployDomain(walletClient, {
 *   config: { mode: 'lite', domain: { name: 'payments', tier: 'light', chainId: 31337 }, admin: walletClient.account.address },
 * })
 * console.log(result.status, result.addresses.contracts)
 */
export async function deployDomain(
  client: Client<Transport, Chain | undefined, Account>,
  parameters: DeployDomainParameters,
): Promise<DeployDomainReturnType> {
  check(inputSchemas.deployDomain, parameters, 'deployDomain parameters')
  const plan = await planDeployment(client, {
    config: parameters.config,
    deployer: client.account.address as Address,
    ...(parameters.stack && { stack: parameters.stack }),
    ...(parameters.estimator && { estimator: parameters.estimator }),
  })
  const result = await executeDeployment(client, { plan })
  return { ...result, plan }
}
