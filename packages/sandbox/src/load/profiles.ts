import { createCipheriv } from 'node:crypto'
import { sandboxDollarAbi, sandboxWorkloadAbi } from '@caldera/contracts'
import type { Random } from '@caldera/core'
import { type Address, encodeFunctionData, type Hex, hexToBytes, keccak256, toHex } from 'viem'
import { z } from 'zod'

/** The three scenario load profiles. */
export const loadProfileNameSchema = z.enum(['financial', 'enterprise', 'light'])
export type LoadProfileName = z.infer<typeof loadProfileNameSchema>

/** What one generated transaction does, before it is signed. */
export type TxIntent = {
  readonly profile: LoadProfileName
  readonly kind: 'transfer' | 'notarize' | 'play' | 'crossDomain'
  /** Index of the sending account among the profile's senders. */
  readonly sender: number
  readonly to: Address
  readonly data: Hex
  readonly value: bigint
  /** Explicit gas limit (no estimate: no RPC per transaction). */
  readonly gas: bigint
  /** USD moved, in micro-dollars (0 for writes and game moves). */
  readonly usd: bigint
  /** Who receives the value (for the AML monitor), when the transaction moves value. */
  readonly counterparty?: Address
}

/** The contracts a profile's transactions call on its chain. */
export type LoadTargets = { readonly token: Address; readonly workload: Address }

/** How a profile shapes its transactions. */
export type ProfileShape = {
  /** Default number of sending accounts. */
  readonly senders: number
  /** Gas limit of each transaction. */
  readonly gas: bigint
  /** Builds the `index`-th intent of the profile. */
  build(params: { index: number; rng: Random; senders: readonly Address[]; targets: LoadTargets }): TxIntent
}

/** USD values of the financial profile: Pareto (alpha 1.1) from 2,500 USD, capped under the 1M USD breaker threshold. */
export const FINANCIAL_MIN_USD = 2_500
export const FINANCIAL_CAP_USD = 900_000

const recordKey = hexToBytes(keccak256(toHex('caldera-sandbox record key')))

/**
 * Encrypts a synthetic business record (AES-256-GCM) and returns the keccak256 commitment of the
 * ciphertext: what an enterprise domain notarizes per write.
 */
function encryptedRecordCommitment(rng: Random, index: number): { recordId: Hex; commitment: Hex } {
  const record = JSON.stringify({
    id: index,
    shipment: rng.bytes32().slice(2, 18),
    sku: rng.int(100_000, 999_999),
    quantity: rng.int(1, 5_000),
    temperatureC: Math.round(rng.logNormal(4, 0.3) * 10) / 10,
  })
  const iv = hexToBytes(rng.bytes32()).slice(0, 12)
  const cipher = createCipheriv('aes-256-gcm', recordKey, iv)
  const body = Buffer.concat([cipher.update(record, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { recordId: rng.bytes32(), commitment: keccak256(Buffer.concat([iv, body])) }
}

/**
 * The three load profiles: `financial` moves heavy-tailed USD values in sUSD between a few
 * dozen accounts; `enterprise` notarizes commitments of encrypted records at high frequency;
 * `light` has thousands of players each sending small game moves.
 */
export const loadProfiles: Readonly<Record<LoadProfileName, ProfileShape>> = {
  financial: {
    senders: 32,
    gas: 70_000n,
    build({ index, rng, senders, targets }) {
      const sender = index % senders.length
      let to = rng.pick(senders)
      if (to === senders[sender]) to = senders[(sender + 1) % senders.length]!
      const usd = Math.min(FINANCIAL_CAP_USD, rng.pareto(FINANCIAL_MIN_USD, 1.1))
      const amount = BigInt(Math.round(usd * 100)) * 10_000n
      return {
        profile: 'financial',
        kind: 'transfer',
        sender,
        to: targets.token,
        data: encodeFunctionData({ abi: sandboxDollarAbi, functionName: 'transfer', args: [to, amount] }),
        value: 0n,
        gas: this.gas,
        usd: amount,
        counterparty: to,
      }
    },
  },
  enterprise: {
    senders: 64,
    gas: 120_000n,
    build({ index, rng, senders, targets }) {
      const { recordId, commitment } = encryptedRecordCommitment(rng, index)
      return {
        profile: 'enterprise',
        kind: 'notarize',
        sender: index % senders.length,
        to: targets.workload,
        data: encodeFunctionData({
          abi: sandboxWorkloadAbi,
          functionName: 'notarize',
          args: [recordId, commitment],
        }),
        value: 0n,
        gas: this.gas,
        usd: 0n,
      }
    },
  },
  light: {
    senders: 2_000,
    gas: 80_000n,
    build({ rng, senders, targets }) {
      return {
        profile: 'light',
        kind: 'play',
        sender: rng.int(0, senders.length - 1),
        to: targets.workload,
        data: encodeFunctionData({ abi: sandboxWorkloadAbi, functionName: 'play', args: [rng.int(1, 9)] }),
        value: 0n,
        gas: this.gas,
        usd: 0n,
      }
    },
  },
}
