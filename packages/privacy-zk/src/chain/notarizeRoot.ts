import { notaryAbi } from '@caldera/contracts'
import type { Account, Address, Chain, Client, Hash, Transport } from 'viem'
import { parseEventLogs } from 'viem'
import { readContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { PrivacyError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'

export type NotarizeRootParameters = {
  notary: Address
  /** Tree root after the batch (`tree.root`). */
  root: bigint
  /** Records in the tree after the batch (`tree.size`). */
  recordCount: number | bigint
}

/**
 * Stores a notarization tree root on chain as a new batch.
 *
 * @example
 * import { notarizeRoot } from '@caldera/privacy-zk'
 * const { batchNumber } = await notarizeRoot(walletClient, { notary, root: tree.root, recordCount: tree.size })
 */
export async function notarizeRoot(
  client: Client<Transport, Chain, Account>,
  options: NotarizeRootParameters,
): Promise<{ hash: Hash; batchNumber: bigint }> {
  check(inputSchemas.notarize, options, 'notarizeRoot options')
  const { notary, root, recordCount } = options
  const hash = await writeContract(client, {
    address: notary,
    abi: notaryAbi,
    functionName: 'notarize',
    args: [root, BigInt(recordCount)],
    account: client.account,
    chain: client.chain,
  })
  const receipt = await waitForTransactionReceipt(client, { hash })
  const [event] = parseEventLogs({ abi: notaryAbi, logs: receipt.logs, eventName: 'BatchNotarized' })
  if (receipt.status !== 'success' || !event) throw new PrivacyError(`Notarization ${hash} failed.`)
  return { hash, batchNumber: event.args.batchNumber }
}

/**
 * Whether a root was notarized by the Notary.
 *
 * @example
 * import { isKnownRoot } from '@caldera/privacy-zk'
 * const known = await isKnownRoot(publicClient, { notary, root })
 */
export async function isKnownRoot(
  client: Client,
  options: { notary: Address; root: bigint },
): Promise<boolean> {
  check(inputSchemas.knownRoot, options, 'isKnownRoot options')
  const { notary, root } = options
  return readContract(client, { address: notary, abi: notaryAbi, functionName: 'isKnownRoot', args: [root] })
}
