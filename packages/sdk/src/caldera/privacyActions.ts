import { type Disclosure, isKnownRoot, notarizeRoot, submitDisclosure } from '@caldera/privacy-zk'
import type { Hash, TransactionReceipt } from 'viem'
import type { CalderaDomain } from './config.js'
import { MissingContractError, MissingWalletError } from './errors.js'

/** Privacy actions of a Caldera instance (`caldera.privacy`), built on `@caldera/privacy-zk`. */
export type CalderaPrivacyActions = {
  /** Stores a notarization tree root on the domain's `DisclosureVerifier` (disclosures are checked against it). */
  notarize(
    domain: string,
    options: { root: bigint; recordCount: number | bigint },
  ): Promise<{ hash: Hash; batchNumber: bigint }>
  /** Whether `root` was notarized on the domain. */
  isNotarized(domain: string, options: { root: bigint }): Promise<boolean>
  /** Verifies a disclosure proof ON CHAIN against the domain's notarized roots and spends its nullifier. */
  disclose(
    domain: string,
    options: { disclosure: Pick<Disclosure, 'calldata' | 'root' | 'nullifier' | 'statement'>; gas?: bigint },
  ): Promise<{ hash: Hash; receipt: TransactionReceipt }>
}

const VERIFIER = 'DisclosureVerifier'

export function privacyActions(domainOf: (name: string) => CalderaDomain): CalderaPrivacyActions {
  const verifierOf = (d: CalderaDomain) => {
    const verifier = d.contracts[VERIFIER]
    if (!verifier) throw new MissingContractError({ domain: d.name, contract: VERIFIER })
    return verifier
  }
  const walletOf = (d: CalderaDomain) => {
    if (!d.walletClient) throw new MissingWalletError({ domain: d.name })
    return d.walletClient
  }
  return {
    notarize(name, { root, recordCount }) {
      const d = domainOf(name)
      return notarizeRoot(walletOf(d) as never, { notary: verifierOf(d), root, recordCount })
    },
    isNotarized(name, { root }) {
      const d = domainOf(name)
      return isKnownRoot(d.publicClient, { notary: verifierOf(d), root })
    },
    disclose(name, { disclosure, gas }) {
      const d = domainOf(name)
      return submitDisclosure(walletOf(d) as never, {
        verifier: verifierOf(d),
        disclosure,
        ...(gas !== undefined && { gas }),
      })
    },
  }
}
