import {
  deployInitializedClone,
  disclosureVerifierAbi,
  disclosureVerifierBytecode,
  notaryAbi,
  notaryBytecode,
} from '@caldera/contracts'
import type { Account, Address, Chain, Client, Hex, Transport } from 'viem'
import { deployContract, waitForTransactionReceipt } from 'viem/actions'
import { PrivacyError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'

type WalletClient = Client<Transport, Chain, Account>

export type DeployPrivacyContractsParameters = {
  /** Admin (default: the client's account). */
  admin?: Address
  /** Account allowed to notarize roots (default: the client's account). */
  notarizer?: Address
  /** Reuse deployed implementations (only clones are deployed then). */
  implementations?: { notary: Address; disclosureVerifier: Address }
}

export type DeployPrivacyContractsReturnType = {
  /** A `DisclosureVerifier` clone: notarize roots on it and submit disclosures to it. */
  disclosureVerifier: Address
  /** A plain `Notary` clone, for notarization without on-chain disclosures. */
  notary: Address
  implementations: { notary: Address; disclosureVerifier: Address }
}

/**
 * EIP-1167 minimal proxy creation code for `implementation`.
 *
 * @example
 * import { cloneCreationCode } from '@caldera/privacy-zk'
 * await walletClient.sendTransaction({ data: cloneCreationCode(implementation) })
 */
export function cloneCreationCode(implementation: Address): Hex {
  check(inputSchemas.address, implementation, 'implementation')
  return `0x3d602d80600a3d3981f3363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`
}

async function mined(client: WalletClient, hash: Hex): Promise<Address | null | undefined> {
  const receipt = await waitForTransactionReceipt(client, { hash })
  if (receipt.status !== 'success') throw new PrivacyError(`Transaction ${hash} reverted.`)
  return receipt.contractAddress
}

/**
 * Deploys a `DisclosureVerifier` (a `Notary` that also verifies disclosure proofs against its own
 * roots) and a plain `Notary`, each as an EIP-1167 clone of a shared implementation (deployed
 * first unless given), each initialised with the admin and notarizer in its creating transaction.
 *
 * @example
 * import { deployPrivacyContracts } from '@caldera/privacy-zk'
 * const { disclosureVerifier } = await deployPrivacyContracts(walletClient)
 * // notarize roots on disclosureVerifier, then submit disclosures to it
 */
export async function deployPrivacyContracts(
  client: WalletClient,
  parameters: DeployPrivacyContractsParameters = {},
): Promise<DeployPrivacyContractsReturnType> {
  check(inputSchemas.deploy, parameters, 'deployPrivacyContracts parameters')
  const account = client.account
  const chain = client.chain
  let implementations = parameters.implementations
  if (!implementations) {
    const notary = await mined(
      client,
      await deployContract(client, { abi: notaryAbi, bytecode: notaryBytecode, account, chain }),
    )
    const disclosureVerifier = await mined(
      client,
      await deployContract(client, {
        abi: disclosureVerifierAbi,
        bytecode: disclosureVerifierBytecode,
        account,
        chain,
      }),
    )
    implementations = { notary: notary!, disclosureVerifier: disclosureVerifier! }
  }
  const admin = parameters.admin ?? account.address
  const notarizer = parameters.notarizer ?? account.address
  const clone = async (implementation: Address) =>
    (await deployInitializedClone(client, { implementation, abi: notaryAbi, args: [admin, notarizer] }))
      .address
  const disclosureVerifier = await clone(implementations.disclosureVerifier)
  const notary = await clone(implementations.notary)
  return { disclosureVerifier, notary, implementations }
}
