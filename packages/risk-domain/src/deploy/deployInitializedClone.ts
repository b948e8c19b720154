import { deployInitializedClone as deployCloneAtomically } from '@caldera/contracts'
import type { Abi, Address, Hex } from 'viem'
import type { WriteClient } from '../internal/client.js'
import { deployCode } from '../internal/send.js'

/**
 * Deploys `bytecode` as an implementation (unless `implementation` is given), then an EIP-1167
 * clone of it initialised with `initialize(...initArgs)` in the same transaction.
 */
export async function deployInitializedClone(
  client: WriteClient,
  {
    abi,
    bytecode,
    implementation,
    initArgs,
  }: { abi: Abi; bytecode: Hex; implementation?: Address | undefined; initArgs: readonly unknown[] },
): Promise<{ address: Address; implementation: Address }> {
  const impl = implementation ?? (await deployCode(client, bytecode))
  const { address } = await deployCloneAtomically(client, {
    implementation: impl,
    abi,
    args: initArgs as never,
  })
  return { address, implementation: impl }
}
