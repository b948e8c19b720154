import type { Abi, Address, Hex } from 'viem'
import type { WriteClient } from '../internal/client.js'
import { cloneCreationCode, deployCode, writeAndWait } from '../internal/send.js'

/**
 * Deploys `bytecode` as an implementation (unless `implementation` is given), an EIP-1167 clone
 * of it, and calls `initialize(...initArgs)` on the clone.
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
  const address = await deployCode(client, cloneCreationCode(impl))
  await writeAndWait(client, { address, abi, functionName: 'initialize' as never, args: initArgs as never })
  return { address, implementation: impl }
}
