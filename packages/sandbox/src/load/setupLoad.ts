import {
  sandboxDollarAbi,
  sandboxDollarBytecode,
  sandboxWorkloadAbi,
  sandboxWorkloadBytecode,
} from '@caldera/contracts'
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from 'viem'
import { ScenarioError } from '../errors/sandbox.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { LoadTargets } from './profiles.js'

export type SetupLoadParameters = {
  /** Pays for deployment and funding (a funded account). */
  walletClient: WalletClient<Transport, Chain, Account>
  publicClient: PublicClient<Transport, Chain>
  /** Accounts that need gas money. */
  gasAccounts: readonly Address[]
  /** Wei each gas account receives (default 1 ETH). */
  gasEach?: bigint
  /** Accounts that need sUSD, and how much each (micro-dollars). */
  dollarAccounts?: readonly Address[]
  dollarsEach?: bigint
}

/**
 * Prepares a chain for a load: deploys `SandboxDollar` and `SandboxWorkload`, then funds the
 * load accounts with gas money (`SandboxWorkload.fund`, 250 accounts a transaction) and sUSD
 * (`mintEach`). Works against any EVM chain reached by the clients.
 *
 * @example
 * import { setupLoad } from '@caldera/sandbox'
 * const targets = await setupLoad({ walletClient, publicClient, gasAccounts: players.map((p) => p.address) })
 */
export async function setupLoad(parameters: SetupLoadParameters): Promise<LoadTargets> {
  check(inputSchemas.setupLoad, parameters, 'setupLoad parameters')
  const { walletClient, publicClient } = parameters
  const admin = walletClient.account.address
  const wait = async (hash: `0x${string}`, what: string) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    if (receipt.status !== 'success') throw new ScenarioError(`Load setup failed: ${what} reverted.`)
    return receipt
  }
  const [tokenHash, workloadHash] = [
    await walletClient.deployContract({
      abi: sandboxDollarAbi,
      bytecode: sandboxDollarBytecode,
      args: [admin],
    }),
    await walletClient.deployContract({ abi: sandboxWorkloadAbi, bytecode: sandboxWorkloadBytecode }),
  ]
  const token = (await wait(tokenHash, 'SandboxDollar deployment')).contractAddress!
  const workload = (await wait(workloadHash, 'SandboxWorkload deployment')).contractAddress!
  const gasEach = parameters.gasEach ?? 10n ** 18n
  const hashes: `0x${string}`[] = []
  for (let i = 0; i < parameters.gasAccounts.length; i += 250) {
    const chunk = parameters.gasAccounts.slice(i, i + 250)
    hashes.push(
      await walletClient.writeContract({
        address: workload,
        abi: sandboxWorkloadAbi,
        functionName: 'fund',
        args: [chunk, gasEach],
        value: gasEach * BigInt(chunk.length),
        gas: 40_000n + 35_000n * BigInt(chunk.length),
      }),
    )
  }
  const dollarAccounts = parameters.dollarAccounts ?? []
  for (let i = 0; i < dollarAccounts.length; i += 250) {
    const chunk = dollarAccounts.slice(i, i + 250)
    hashes.push(
      await walletClient.writeContract({
        address: token,
        abi: sandboxDollarAbi,
        functionName: 'mintEach',
        args: [chunk, parameters.dollarsEach ?? 10n ** 15n],
        gas: 60_000n + 40_000n * BigInt(chunk.length),
      }),
    )
  }
  for (const hash of hashes) await wait(hash, 'funding')
  return { token, workload }
}
