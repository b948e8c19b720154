import { CalderaError } from '@caldera/core'
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  decodeErrorResult,
  encodeDeployData,
  encodeFunctionData,
  type Hash,
  type Hex,
  parseEventLogs,
  type TransactionReceipt,
  type Transport,
} from 'viem'
import { call, sendTransaction, waitForTransactionReceipt } from 'viem/actions'
import { cloneInitializerAbi, cloneInitializerBytecode } from '../generated/CloneInitializer.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** A deployment of an initialised clone failed; nothing was created. */
export class CloneDeploymentError extends CalderaError {
  override name = 'CloneDeploymentError'
}

export type DeployInitializedCloneParameters<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable'> = ContractFunctionName<abi, 'nonpayable'>,
> = {
  /** The implementation the clone delegates to (must have code on this chain). */
  implementation: Address
  /** ABI of the implementation (used to encode the initialiser and decode its revert). */
  abi: abi
  /** The initialiser; default `initialize`. */
  functionName?: functionName
  args: ContractFunctionArgs<abi, 'nonpayable', functionName>
}

export type DeployInitializedCloneReturnType = { address: Address; hash: Hash; receipt: TransactionReceipt }

/**
 * Creates an EIP-1167 clone of `implementation` and calls its initialiser in ONE transaction
 * (through the `CloneInitializer` contract's constructor), so the clone cannot be initialised by
 * anyone else first. The call is simulated before anything is sent: an initialiser that would
 * revert throws a `CloneDeploymentError` naming the decoded error, and nothing is created.
 *
 * @example
 * import { channelAbi, deployInitializedClone } from '@caldera/contracts'
 * const { address } = await deployInitializedClone(walletClient, {
 *   implementation, abi: channelAbi, args: [domainId, token, admin],
 * })
 */
export async function deployInitializedClone<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable'> = ContractFunctionName<abi, 'nonpayable'>,
>(
  client: Client<Transport, Chain | undefined, Account>,
  parameters: DeployInitializedCloneParameters<abi, functionName>,
): Promise<DeployInitializedCloneReturnType> {
  check(inputSchemas.deployInitializedClone, parameters, 'clone deployment')
  const { implementation, abi } = parameters
  const functionName = (parameters.functionName ?? 'initialize') as string
  let initData: Hex
  try {
    initData = encodeFunctionData({ abi: abi as Abi, functionName, args: parameters.args as never })
  } catch (cause) {
    throw new CloneDeploymentError(
      `The initialiser ${functionName} cannot be encoded from the given ABI and arguments.`,
      {
        cause: cause as Error,
        hint: 'Check the ABI, the initialiser name and its arguments.',
      },
    )
  }
  const data = encodeDeployData({
    abi: cloneInitializerAbi,
    bytecode: cloneInitializerBytecode,
    args: [implementation, initData],
  })
  try {
    await call(client, { account: client.account, data })
  } catch (cause) {
    throw new CloneDeploymentError(`The clone of ${implementation} cannot be created and initialised.`, {
      cause: cause as Error,
      metaMessages: [describeRevert(cause, abi)],
      hint: 'Check the implementation address and the initialiser arguments.',
    })
  }
  const hash = await sendTransaction(client, { account: client.account, chain: client.chain, data } as never)
  const receipt = await waitForTransactionReceipt(client, { hash })
  const [created] = parseEventLogs({
    abi: cloneInitializerAbi,
    logs: receipt.logs,
    eventName: 'CloneInitialized',
  })
  if (receipt.status !== 'success' || !created) {
    throw new CloneDeploymentError(`The clone deployment of ${implementation} reverted in ${hash}.`, {
      hint: 'Replay the transaction with eth_call to see the revert reason.',
    })
  }
  return { address: created.args.clone, hash, receipt }
}

function describeRevert(cause: unknown, abi: Abi): string {
  const data = revertData(cause)
  if (!data) return `reason: ${(cause as Error)?.message?.split('\n')[0] ?? String(cause)}`
  try {
    const outer = decodeErrorResult({ abi: cloneInitializerAbi, data })
    if (outer.errorName === 'InitializationFailed') {
      const [, reason] = outer.args as readonly [Address, Hex]
      try {
        const inner = decodeErrorResult({ abi, data: reason })
        return `initialiser reverted: ${inner.errorName}(${(inner.args ?? []).map(String).join(', ')})`
      } catch {
        return `initialiser reverted with data ${reason}`
      }
    }
    return `${outer.errorName}(${(outer.args ?? []).map(String).join(', ')})`
  } catch {
    return `revert data ${data}`
  }
}

function revertData(cause: unknown): Hex | undefined {
  let current = cause as { data?: unknown; cause?: unknown } | undefined
  for (let depth = 0; current && depth < 8; depth++) {
    if (typeof current.data === 'string' && current.data.startsWith('0x')) return current.data as Hex
    current = current.cause as typeof current
  }
  return undefined
}
