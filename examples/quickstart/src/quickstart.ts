import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { formatEra, parseEra, type Tier, tierPresets } from '@caldera/core'
import { startDevnet } from '@caldera/devnet'
import type { Address } from 'viem'

export type QuickstartResult = {
  chains: { name: Tier; chainId: number; rpcUrl: string; token: Address; validatorStake: bigint }[]
}

/**
 * Starts a financial and a light domain chain, deploys EraToken on each, and bonds one
 * validator's worth of the tier's minimum stake to a validator account, printing each step.
 */
export async function runQuickstart(log: (line: string) => void = console.log): Promise<QuickstartResult> {
  const tiers: Tier[] = ['financial', 'light']
  log(`Starting ${tiers.length} local chains (anvil)…`)
  const devnet = await startDevnet({ chains: tiers.map((name) => ({ name, accounts: 3 })) })
  try {
    const result: QuickstartResult = { chains: [] }
    for (const chain of devnet.chains) {
      const tier = chain.name as Tier
      const [admin, validator] = chain.accounts
      log(`- ${tier}: chain ${chain.chainId} at ${chain.rpcUrl}`)
      const hash = await chain.walletClient.deployContract({
        abi: eraTokenAbi,
        bytecode: eraTokenBytecode,
        args: [admin!.address, parseEra('10000000')],
      })
      const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
      const token = receipt.contractAddress!
      log(`  deployed EraToken at ${token} (gas ${receipt.gasUsed})`)
      const stake = tierPresets[tier].minStakePerValidator
      const transfer = await chain.walletClient.writeContract({
        address: token,
        abi: eraTokenAbi,
        functionName: 'transfer',
        args: [validator!.address, stake],
      })
      await chain.publicClient.waitForTransactionReceipt({ hash: transfer })
      const balance = await chain.publicClient.readContract({
        address: token,
        abi: eraTokenAbi,
        functionName: 'balanceOf',
        args: [validator!.address],
      })
      log(
        `  funded validator ${validator!.address} with ${formatEra(balance)} ERA (the ${tier} minimum stake)`,
      )
      result.chains.push({
        name: tier,
        chainId: chain.chainId,
        rpcUrl: chain.rpcUrl,
        token,
        validatorStake: balance,
      })
    }
    return result
  } finally {
    await devnet.stop()
    log('Stopped every chain.')
  }
}
