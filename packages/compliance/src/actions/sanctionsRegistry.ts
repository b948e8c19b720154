import { deployInitializedClone, sanctionsRegistryAbi, sanctionsRegistryBytecode } from '@caldera/contracts'
import { addressSchema, parse } from '@caldera/core'
import { type Address, getAddress, type Hash, type Hex, keccak256, stringToHex } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import { deployCode, type ReadClient, type WriteClient, writeAndWait } from '../internal/client.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { SanctionsList } from '../sanctions/sanctionsList.js'

/**
 * Deploys a `SanctionsRegistry` (an EIP-1167 clone of an implementation, deployed too unless
 * given), initialised in the same transaction with `admin` (default: the client's account) as
 * list manager.
 *
 * @example
 * import { deploySanctionsRegistry } from '@caldera/compliance'
 * const { address } = await deploySanctionsRegistry(walletClient, {})
 */
export async function deploySanctionsRegistry(
  client: WriteClient,
  parameters: { admin?: Address; implementation?: Address } = {},
): Promise<{ address: Address; implementation: Address }> {
  check(inputSchemas.sanctionsRegistry, parameters, 'sanctions registry parameters')
  const implementation = parameters.implementation ?? (await deployCode(client, sanctionsRegistryBytecode))
  const { address } = await deployInitializedClone(client, {
    implementation,
    abi: sanctionsRegistryAbi,
    args: [parameters.admin ?? client.account.address],
  })
  return { address, implementation }
}

/**
 * keccak256 of a list version label, as stored on chain in `listVersion`.
 *
 * @example
 * import { sanctionsVersionId } from '@caldera/compliance'
 * sanctionsVersionId('ofac-sdn-eth@0650c71e') // '0x…'
 */
export function sanctionsVersionId(version: string): Hex {
  check(inputSchemas.text, version, 'sanctions list version')
  return keccak256(stringToHex(version))
}

/**
 * Lists or delists addresses in a `SanctionsRegistry`, tagging the update with a list version.
 *
 * @example
 * import { setSanctioned } from '@caldera/compliance'
 * await setSanctioned(walletClient, { registry, accounts: ['0x…'], sanctioned: true, version: 'ofac-sdn-eth@0650c71e' })
 */
export async function setSanctioned(
  client: WriteClient,
  parameters: { registry: Address; accounts: readonly string[]; sanctioned: boolean; version: string },
): Promise<{ hash: Hash }> {
  const p = parse(
    z.object({
      registry: addressSchema,
      accounts: z.array(addressSchema),
      sanctioned: z.boolean(),
      version: z.string().min(1),
    }),
    parameters,
    'setSanctioned parameters',
  )
  const { hash } = await writeAndWait(client, {
    address: p.registry,
    abi: sanctionsRegistryAbi,
    functionName: 'setSanctioned',
    args: [p.accounts, p.sanctioned, sanctionsVersionId(p.version)],
  })
  return { hash }
}

/**
 * Reads `isSanctioned(account)` from a registry — the call on-chain code makes.
 *
 * @example
 * import { isSanctionedOnChain } from '@caldera/compliance'
 * const listed = await isSanctionedOnChain(publicClient, { registry, account: '0x…' })
 */
export async function isSanctionedOnChain(
  client: ReadClient,
  parameters: { registry: Address; account: Address },
): Promise<boolean> {
  check(inputSchemas.sanctionedOnChain, parameters, 'isSanctionedOnChain parameters')
  return readContract(client, {
    address: parameters.registry,
    abi: sanctionsRegistryAbi,
    functionName: 'isSanctioned',
    args: [parameters.account],
  })
}

/**
 * Brings a registry in line with a versioned sanctions list at time `at`: lists every address
 * listed then and delists every address of the list that is not (delistings included).
 *
 * @returns How many addresses were listed and delisted, and the transaction hashes.
 *
 * @example
 * import { ofacEthList, syncSanctionsRegistry } from '@caldera/compliance'
 * await syncSanctionsRegistry(walletClient, { registry, list: ofacEthList(), at: Math.floor(Date.now() / 1000) })
 */
export async function syncSanctionsRegistry(
  client: WriteClient,
  parameters: { registry: Address; list: SanctionsList; at: number; batchSize?: number },
): Promise<{ listed: number; delisted: number; hashes: Hash[]; version: string | undefined }> {
  check(inputSchemas.syncRegistry, parameters, 'syncSanctionsRegistry parameters')
  const { registry, list, at } = parameters
  const version = list.versionAt(at) ?? 'none'
  const listedNow = new Set(list.listedAt(at))
  const everListed = new Set<string>([...listedNow])
  for (const v of list.versions) for (const a of list.listedAt(v.effectiveFrom)) everListed.add(a)
  const toList: Address[] = []
  const toDelist: Address[] = []
  for (const raw of everListed) {
    const account = getAddress(raw)
    const onChain = await isSanctionedOnChain(client, { registry, account })
    const want = listedNow.has(raw)
    if (want && !onChain) toList.push(account)
    if (!want && onChain) toDelist.push(account)
  }
  const size = parameters.batchSize ?? 200
  const hashes: Hash[] = []
  for (const [accounts, sanctioned] of [
    [toList, true],
    [toDelist, false],
  ] as const)
    for (let i = 0; i < accounts.length; i += size)
      hashes.push(
        (
          await setSanctioned(client, {
            registry,
            accounts: accounts.slice(i, i + size),
            sanctioned,
            version,
          })
        ).hash,
      )
  return { listed: toList.length, delisted: toDelist.length, hashes, version: list.versionAt(at) }
}
