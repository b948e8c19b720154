import { parse } from '@caldera/core'
import { type HDAccount, mnemonicToAccount } from 'viem/accounts'
import { z } from 'zod'

/** The mnemonic anvil funds by default ("test test … junk"). Development only. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk'

const cache = new Map<number, HDAccount>()

/** Same bound as `startDevnet`'s `accounts`. */
const accountCountSchema = z.number().int().min(0).max(1_000)

/**
 * The first `count` accounts anvil funds by default, derived from {@link ANVIL_MNEMONIC}.
 * Never use them outside a local chain.
 *
 * @example
 * import { anvilAccounts } from '@caldera/devnet'
 * const [deployer, alice] = anvilAccounts(2)
 */
export function anvilAccounts(count: number): HDAccount[] {
  parse(accountCountSchema, count, 'account count')
  const accounts: HDAccount[] = []
  for (let i = 0; i < count; i++) {
    let account = cache.get(i)
    if (!account) {
      account = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i })
      cache.set(i, account)
    }
    accounts.push(account)
  }
  return accounts
}
