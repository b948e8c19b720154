import type { Account, Chain, Client, Hash, Transport } from 'viem'
import { sendTransaction, waitForTransactionReceipt } from 'viem/actions'
import { DeployerMismatchError, DeploymentRevertedError } from '../errors/deploy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { DeploymentPlan } from './planDeployment.js'
import type { DomainAddresses } from './predictDomainAddresses.js'

/** One sent transaction of a deployment. */
export type SentStep = { label: string; hash: Hash; gasUsed: bigint; estimatedGas: bigint }

export type ExecuteDeploymentReturnType = {
  /** `already-deployed` when the plan had nothing to send (nothing was sent). */
  status: 'deployed' | 'already-deployed'
  addresses: DomainAddresses
  transactions: SentStep[]
  /** Gas the sent transactions used (receipts). */
  gasUsed: bigint
  /** Gas the plan estimated for them. */
  estimatedGas: bigint
  /** `|used − estimated| / used` (0 when nothing was sent). */
  estimateError: number
  /** Labels of what already existed and was skipped. */
  skipped: string[]
}

/**
 * Sends the transactions of a plan in order, waits for each receipt and compares the gas used
 * with the estimate. A plan with nothing to send sends nothing and says so (`already-deployed`).
 *
 * @example
 * import { planDeployment, executeDeployment } from '@caldera/deploy-lite'
 * const plan = await planDeployment(walletClient, { config })
 * const { status, addresses } = await executeDeployment(walletClient, { plan })
 */
export async function executeDeployment(
  client: Client<Transport, Chain | undefined, Account>,
  parameters: { plan: DeploymentPlan },
): Promise<ExecuteDeploymentReturnType> {
  check(inputSchemas.execute, parameters, 'executeDeployment parameters')
  const { plan } = parameters
  if (client.account.address.toLowerCase() !== plan.deployer.toLowerCase())
    throw new DeployerMismatchError({ planned: plan.deployer, actual: client.account.address })
  const transactions: SentStep[] = []
  for (const step of plan.steps) {
    const hash = await sendTransaction(client, {
      account: client.account,
      chain: client.chain ?? null,
      to: step.to,
      data: step.data,
      gas: step.gasLimit,
    })
    const receipt = await waitForTransactionReceipt(client, { hash })
    if (receipt.status !== 'success') throw new DeploymentRevertedError({ step: step.label, hash })
    transactions.push({ label: step.label, hash, gasUsed: receipt.gasUsed, estimatedGas: step.gas })
  }
  const gasUsed = transactions.reduce((s, t) => s + t.gasUsed, 0n)
  const estimatedGas = transactions.reduce((s, t) => s + t.estimatedGas, 0n)
  return {
    status: transactions.length === 0 ? 'already-deployed' : 'deployed',
    addresses: plan.addresses,
    transactions,
    gasUsed,
    estimatedGas,
    estimateError: gasUsed === 0n ? 0 : Math.abs(Number(gasUsed - estimatedGas)) / Number(gasUsed),
    skipped: plan.existing,
  }
}
