import { hashedTimelockEscrowAbi, hashedTimelockEscrowBytecode } from '@caldera/contracts'
import { addressSchema, bigintSchema, bytes32Schema, parse, positiveAmountSchema } from '@caldera/core'
import { type Address, erc20Abi, type Hash, type Hex, parseEventLogs, sha256 } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import { deployCode, type ReadClient, type WriteClient, writeAndWait } from '../internal/client.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** A hashed timelock as stored on chain. */
export type HtlcLock = {
  sender: Address
  receiver: Address
  token: Address
  amount: bigint
  hashlock: Hex
  timelock: bigint
  withdrawn: boolean
  refunded: boolean
  /** The revealed secret once withdrawn (use it to claim the other chain's leg). */
  preimage: Hex
}

/**
 * The hashlock of a 32-byte secret: SHA-256, as Bitcoin-style HTLCs use.
 *
 * @example
 * import { htlcHashlock } from '@caldera/compliance'
 * const hashlock = htlcHashlock(secret)
 */
export function htlcHashlock(preimage: Hex): Hex {
  check(inputSchemas.preimage, preimage, 'preimage')
  return sha256(preimage)
}

/**
 * Deploys a `HashedTimelockEscrow`.
 *
 * @example
 * import { deployHtlc } from '@caldera/compliance'
 * const { address } = await deployHtlc(walletClient)
 */
export async function deployHtlc(client: WriteClient): Promise<{ address: Address }> {
  return { address: await deployCode(client, hashedTimelockEscrowBytecode) }
}

/**
 * Locks tokens for `receiver` under `hashlock` until `timelock` (approving the HTLC first).
 *
 * @example
 * import { createHtlcLock, htlcHashlock } from '@caldera/compliance'
 * const { lockId } = await createHtlcLock(walletClient, { htlc, receiver, token, amount: 10n ** 18n, hashlock: htlcHashlock(secret), timelock })
 */
export async function createHtlcLock(
  client: WriteClient,
  parameters: {
    htlc: Address
    receiver: Address
    token: Address
    amount: bigint
    hashlock: Hex
    timelock: bigint
  },
): Promise<{ lockId: Hex; hash: Hash }> {
  const p = parse(
    z.object({
      htlc: addressSchema,
      receiver: addressSchema,
      token: addressSchema,
      amount: positiveAmountSchema,
      hashlock: bytes32Schema,
      timelock: bigintSchema,
    }),
    parameters,
    'HTLC lock',
  )
  await writeAndWait(client, {
    address: p.token,
    abi: erc20Abi,
    functionName: 'approve',
    args: [p.htlc, p.amount],
  })
  const { hash, receipt } = await writeAndWait(client, {
    address: p.htlc,
    abi: hashedTimelockEscrowAbi,
    functionName: 'lock',
    args: [p.receiver, p.token, p.amount, p.hashlock, p.timelock],
  })
  const [log] = parseEventLogs({ abi: hashedTimelockEscrowAbi, eventName: 'LockCreated', logs: receipt.logs })
  return { lockId: log!.args.lockId, hash }
}

/**
 * Reads a lock.
 *
 * @example
 * import { getHtlcLock } from '@caldera/compliance'
 * const lock = await getHtlcLock(publicClient, { htlc, lockId })
 */
export async function getHtlcLock(
  client: ReadClient,
  parameters: { htlc: Address; lockId: Hex },
): Promise<HtlcLock> {
  check(inputSchemas.htlcLock, parameters, 'getHtlcLock parameters')
  const [sender, receiver, token, amount, hashlock, timelock, withdrawn, refunded, preimage] =
    await readContract(client, {
      address: parameters.htlc,
      abi: hashedTimelockEscrowAbi,
      functionName: 'locks',
      args: [parameters.lockId],
    })
  return { sender, receiver, token, amount, hashlock, timelock, withdrawn, refunded, preimage }
}

/**
 * The receiver claims a lock with its secret before the timelock.
 *
 * @example
 * import { withdrawHtlc } from '@caldera/compliance'
 * await withdrawHtlc(receiverClient, { htlc, lockId, preimage: secret })
 */
export async function withdrawHtlc(
  client: WriteClient,
  parameters: { htlc: Address; lockId: Hex; preimage: Hex },
): Promise<{ hash: Hash }> {
  parse(
    z.object({ htlc: addressSchema, lockId: bytes32Schema, preimage: bytes32Schema }),
    parameters,
    'HTLC withdrawal',
  )
  const { hash } = await writeAndWait(client, {
    address: parameters.htlc,
    abi: hashedTimelockEscrowAbi,
    functionName: 'withdraw',
    args: [parameters.lockId, parameters.preimage],
  })
  return { hash }
}

/**
 * After the timelock, returns an unclaimed lock to its sender.
 *
 * @example
 * import { refundHtlc } from '@caldera/compliance'
 * await refundHtlc(walletClient, { htlc, lockId })
 */
export async function refundHtlc(
  client: WriteClient,
  parameters: { htlc: Address; lockId: Hex },
): Promise<{ hash: Hash }> {
  check(inputSchemas.htlcLock, parameters, 'refundHtlc parameters')
  const { hash } = await writeAndWait(client, {
    address: parameters.htlc,
    abi: hashedTimelockEscrowAbi,
    functionName: 'refund',
    args: [parameters.lockId],
  })
  return { hash }
}
