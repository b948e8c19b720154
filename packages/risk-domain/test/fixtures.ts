import { domainIdOf } from '@caldera/core'
import { type Address, type Hex, keccak256, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { BatchMessage } from '../src/attestation/batchMessage.js'

/** Deterministic validator accounts (test keys, never funded on a real chain). */
export function validatorAccounts(count: number, seed = 'validator') {
  return Array.from({ length: count }, (_, i) => privateKeyToAccount(keccak256(toHex(`${seed}-${i}`))))
}

/** `count` messages from `source` to `destination`. */
export function makeMessages(
  count: number,
  options: { source?: string; destination?: string; amount?: bigint } = {},
) {
  const sourceDomain: Hex = domainIdOf(options.source ?? 'light-games')
  const destinationDomain: Hex = domainIdOf(options.destination ?? 'payments')
  return Array.from(
    { length: count },
    (_, i): BatchMessage => ({
      sourceDomain,
      destinationDomain,
      nonce: BigInt(i + 1),
      sender: `0x${(i + 1).toString(16).padStart(40, '0')}` as Address,
      recipient: `0x${(i + 1001).toString(16).padStart(40, '0')}` as Address,
      amount: (options.amount ?? 1_000_000n) * BigInt(i + 1),
    }),
  )
}
