import { addressSchema, chainIdSchema, parse } from '@caldera/core'
import { type Address, encodeFunctionData, erc20Abi, type Hex, keccak256, numberToHex, parseGwei } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { z } from 'zod'

export type GenerateErc20BatchParameters = {
  /** Number of transactions. */
  count: number
  /** Number of distinct signing accounts (each signs `count / senders` transactions with rising nonces). */
  senders: number
  /** Number of distinct recipients. */
  recipients?: number
  /** ERC-20 token the transfers call. */
  token: Address
  chainId: number
  /** Seed of the deterministic keys, recipients and amounts. */
  seed?: string
}

/** A batch of signed transactions and who signed each. */
export type GeneratedBatch = { transactions: Hex[]; signers: Address[] }

/**
 * Generates a realistic batch: EIP-1559 ERC-20 `transfer` transactions, each signed by one of
 * `senders` deterministic accounts (secp256k1, viem), to varied recipients and amounts.
 *
 * @example
 * import { generateErc20Batch } from '@caldera/deploy-lite'
 * const { transactions } = await generateErc20Batch({ count: 200, senders: 50, token, chainId: 1 })
 */
export async function generateErc20Batch(parameters: GenerateErc20BatchParameters): Promise<GeneratedBatch> {
  const { count, senders, token, chainId } = parse(
    z.object({
      count: z.number().int().positive().max(100_000),
      senders: z.number().int().positive().max(10_000),
      recipients: z.number().int().positive().optional(),
      token: addressSchema,
      chainId: chainIdSchema,
      seed: z.string().optional(),
    }),
    parameters,
    'batch parameters',
  )
  const seed = parameters.seed ?? 'caldera-batch'
  const random = (label: string, i: number) =>
    BigInt(keccak256((numberToHex(i, { size: 32 }) + Buffer.from(`${seed}/${label}`).toString('hex')) as Hex))
  const accounts = Array.from({ length: senders }, (_, i) =>
    privateKeyToAccount(keccak256(`0x${Buffer.from(`${seed}/key/${i}`).toString('hex')}`)),
  )
  const recipientCount = parameters.recipients ?? Math.max(1, senders * 2)
  const recipients = Array.from(
    { length: recipientCount },
    (_, i) => `0x${(random('to', i) & ((1n << 160n) - 1n)).toString(16).padStart(40, '0')}` as Address,
  )
  const nonces = new Array<number>(senders).fill(0)
  const transactions: Hex[] = []
  const signers: Address[] = []
  for (let i = 0; i < count; i++) {
    const s = Number(random('sender', i) % BigInt(senders))
    const account = accounts[s]!
    const to = recipients[Number(random('recipient', i) % BigInt(recipientCount))]!
    // Amounts like people send: whole or round token units with 18 decimals, sometimes odd.
    const units = random('amount', i) % 10_000n
    const amount = i % 5 === 0 ? units * 10n ** 18n + (random('dust', i) % 10n ** 15n) : units * 10n ** 17n
    transactions.push(
      await account.signTransaction({
        type: 'eip1559',
        chainId,
        nonce: nonces[s]!,
        to: token,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }),
        gas: 65_000n,
        maxFeePerGas: parseGwei('2') + (random('fee', i) % parseGwei('1')),
        maxPriorityFeePerGas: parseGwei('0.01'),
        value: 0n,
      }),
    )
    signers.push(account.address)
    nonces[s] = (nonces[s] ?? 0) + 1
  }
  return { transactions, signers }
}
