import { disclosureVerifierAbi } from '@caldera/contracts'
import type { Account, Address, Chain, Client, Hash, TransactionReceipt, Transport } from 'viem'
import { readContract, simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { check, inputSchemas } from '../internal/inputs.js'
import type { Disclosure } from '../proofs/disclosure.js'

/** The default gas of a `disclose` transaction (the real cost is about 260,000). */
export const DISCLOSE_GAS = 400_000n

export type SubmitDisclosureParameters = {
  /** The DisclosureVerifier address. */
  verifier: Address
  disclosure: Pick<Disclosure, 'calldata' | 'root' | 'nullifier' | 'statement'>
  /**
   * Explicit gas: `eth_estimateGas` under-estimates the pairing precompile and an out-of-gas
   * verifier reports an invalid proof instead of reverting. Default 400,000.
   */
  gas?: bigint
  /** Simulate first so a rejection throws a decoded error before sending (default true). */
  simulate?: boolean
}

/**
 * The arguments of `DisclosureVerifier.disclose` (and `isValidDisclosure`): the proof points and
 * the public signals `[root, nullifier, statement]`, in the verifier's calldata layout.
 *
 * @example
 * import { discloseArgs } from '@caldera/privacy-zk'
 * const args = discloseArgs(disclosure)
 */
export function discloseArgs(options: Pick<Disclosure, 'calldata' | 'root' | 'nullifier' | 'statement'>) {
  check(inputSchemas.disclosure, options, 'disclosure')
  const {
    calldata: { a, b, c },
    root,
    nullifier,
    statement,
  } = options
  return [a, b, c, [root, nullifier, statement]] as const
}

/**
 * Submits a disclosure proof to a `DisclosureVerifier`, which checks it against its notarized roots
 * and spends its nullifier. Sent with explicit gas; a rejected proof throws the contract's error
 * (`UnknownRoot`, `NullifierAlreadyUsed`, `InvalidProof`) when simulated, or returns a reverted receipt.
 *
 * @example
 * import { submitDisclosure } from '@caldera/privacy-zk'
 * const { receipt } = await submitDisclosure(walletClient, { verifier: disclosureVerifier, disclosure })
 */
export async function submitDisclosure(
  client: Client<Transport, Chain, Account>,
  options: SubmitDisclosureParameters,
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  check(inputSchemas.submit, options, 'submitDisclosure options')
  const { verifier, disclosure, gas = DISCLOSE_GAS, simulate = true } = options
  const args = discloseArgs(disclosure)
  if (simulate) {
    await simulateContract(client, {
      address: verifier,
      abi: disclosureVerifierAbi,
      functionName: 'disclose',
      args,
      account: client.account,
      gas,
    })
  }
  const hash = await writeContract(client, {
    address: verifier,
    abi: disclosureVerifierAbi,
    functionName: 'disclose',
    args,
    gas,
    account: client.account,
    chain: client.chain,
  })
  const receipt = await waitForTransactionReceipt(client, { hash })
  return { hash, receipt }
}

/**
 * Whether a nullifier was already spent on the verifier.
 *
 * @example
 * import { isNullifierUsed } from '@caldera/privacy-zk'
 * const used = await isNullifierUsed(publicClient, { verifier, nullifier: disclosure.nullifier })
 */
export async function isNullifierUsed(
  client: Client,
  options: { verifier: Address; nullifier: bigint },
): Promise<boolean> {
  check(inputSchemas.nullifierUsed, options, 'isNullifierUsed options')
  const { verifier, nullifier } = options
  return readContract(client, {
    address: verifier,
    abi: disclosureVerifierAbi,
    functionName: 'nullifierUsed',
    args: [nullifier],
  })
}
