import type { Address } from 'viem'
import { encodePacked, type Hex, keccak256 } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { check, inputSchemas } from '../internal/inputs.js'

/** A load account: a locally held key that signs the sandbox's pre-signed transactions. */
export type LoadAccount = { readonly privateKey: Hex; readonly address: Address }

/**
 * Derives `count` load accounts from a seed and a label (e.g. the domain and profile), so the
 * same scenario uses the same accounts every run. Development use only: the keys are derivable.
 *
 * @example
 * import { deriveLoadAccounts } from '@caldera/sandbox'
 * const players = deriveLoadAccounts({ seed: 7, label: 'light/light', count: 2_000 })
 */
export function deriveLoadAccounts(options: { seed: number; label: string; count: number }): LoadAccount[] {
  check(inputSchemas.accounts, options, 'deriveLoadAccounts options')
  const { seed, label, count } = options
  const accounts: LoadAccount[] = []
  for (let i = 0; i < count; i++) {
    const privateKey = keccak256(
      encodePacked(
        ['string', 'uint256', 'string', 'uint256'],
        ['caldera-sandbox', BigInt(seed), label, BigInt(i)],
      ),
    )
    accounts.push({ privateKey, address: privateKeyToAddress(privateKey) })
  }
  return accounts
}
