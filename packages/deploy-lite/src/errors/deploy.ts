import { CalderaError } from '@caldera/core'

/**
 * A transaction of the plan needs more gas than one transaction may have (EIP-7825 caps a
 * transaction at 16,777,216 gas). Raised before anything is sent.
 */
export class GasCapExceededError extends CalderaError {
  override name = 'GasCapExceededError'
  readonly step: string
  readonly cap: bigint
  constructor({ step, gas, cap }: { step: string; gas: bigint | undefined; cap: bigint }) {
    super(
      `Transaction "${step}" needs ${gas === undefined ? `more than ${cap}` : gas.toString()} gas, above the per-transaction cap of ${cap} (EIP-7825); nothing was sent.`,
      {
        hint: 'Split the work into smaller transactions (fewer components per call, smaller batches).',
      },
    )
    this.step = step
    this.cap = cap
  }
}

/** The chain the client is connected to is not the chain of the config. */
export class ChainMismatchError extends CalderaError {
  override name = 'ChainMismatchError'
  constructor({ expected, actual }: { expected: number; actual: number }) {
    super(`The RPC serves chain ${actual}, but the config deploys to chain ${expected}.`, {
      hint: 'Connect to the right RPC URL or correct domain.chainId.',
    })
  }
}

/** The deterministic deployment proxy is not on the chain. */
export class Create2DeployerMissingError extends CalderaError {
  override name = 'Create2DeployerMissingError'
  constructor({ address, chainId }: { address: string; chainId: number }) {
    super(`Chain ${chainId} has no deterministic deployment proxy at ${address}.`, {
      hint: 'Deploy it first (its presigned transaction is published at github.com/Arachnid/deterministic-deployment-proxy).',
    })
  }
}

/** Some but not all of a domain's contracts exist: the domain cannot be deployed or reused as is. */
export class PartialDeploymentError extends CalderaError {
  override name = 'PartialDeploymentError'
  constructor({ domain, present, missing }: { domain: string; present: string[]; missing: string[] }) {
    super(
      `Domain "${domain}" is partly deployed: ${present.join(', ')} exist, ${missing.join(', ')} do not.`,
      {
        hint: 'Use another domain name or deployer, or finish the deployment in traditional mode.',
      },
    )
  }
}

/** A planned transaction fails in simulation; nothing was sent. */
export class SimulationFailedError extends CalderaError {
  override name = 'SimulationFailedError'
  constructor({ step, cause }: { step: string; cause: unknown }) {
    super(`Transaction "${step}" fails in simulation; nothing was sent.`, {
      cause,
      hint: 'Check the config (addresses, parameters) and the deployer balance.',
    })
  }
}

/** A deployment transaction was mined but reverted. */
export class DeploymentRevertedError extends CalderaError {
  override name = 'DeploymentRevertedError'
  constructor({ step, hash }: { step: string; hash: string }) {
    super(`Transaction "${step}" (${hash}) reverted.`, {
      hint: 'Plan again: the chain state changed since the plan was made.',
    })
  }
}

/** The account sending the deployment is missing or not the one the plan was made for. */
export class DeployerMismatchError extends CalderaError {
  override name = 'DeployerMismatchError'
  constructor({ planned, actual }: { planned?: string | undefined; actual?: string | undefined }) {
    super(
      actual === undefined
        ? 'No deployer: the addresses depend on who deploys.'
        : `The plan was made for deployer ${planned}, but ${actual} would send it.`,
      { hint: 'Pass `deployer` (or a client with an account) and send the plan from that account.' },
    )
  }
}
