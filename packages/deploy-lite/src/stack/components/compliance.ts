import {
  hashedTimelockEscrowAbi,
  hashedTimelockEscrowBytecode,
  hashedTimelockEscrowDeployedBytecode,
  paymentVersusPaymentEscrowAbi,
  paymentVersusPaymentEscrowBytecode,
  paymentVersusPaymentEscrowDeployedBytecode,
  sanctionsRegistryAbi,
  sanctionsRegistryBytecode,
  sanctionsRegistryDeployedBytecode,
} from '@caldera/contracts'
import { encodeFunctionData } from 'viem'
import type { StackComponent } from '../component.js'
import { defineComponent } from '../component.js'

/** The domain's sanctions list (screened addresses), administered by the admin. */
export const sanctionsRegistryComponent = defineComponent({
  name: 'SanctionsRegistry',
  kind: 'perDomain',
  abi: sanctionsRegistryAbi,
  bytecode: sanctionsRegistryBytecode,
  deployedBytecode: sanctionsRegistryDeployedBytecode,
  initialize: ({ admin }) =>
    encodeFunctionData({ abi: sanctionsRegistryAbi, functionName: 'initialize', args: [admin] }),
})

/** Payment-versus-payment settlement escrow, screening both legs against the domain's SanctionsRegistry. */
export const paymentVersusPaymentEscrowComponent = defineComponent({
  name: 'PaymentVersusPaymentEscrow',
  kind: 'perDomain',
  abi: paymentVersusPaymentEscrowAbi,
  bytecode: paymentVersusPaymentEscrowBytecode,
  deployedBytecode: paymentVersusPaymentEscrowDeployedBytecode,
  initialize: ({ addressOf }) =>
    encodeFunctionData({
      abi: paymentVersusPaymentEscrowAbi,
      functionName: 'initialize',
      args: [addressOf('SanctionsRegistry')],
    }),
})

/** Hashed-timelock escrow (SHA-256 HTLC); needs no initialisation. */
export const hashedTimelockEscrowComponent = defineComponent({
  name: 'HashedTimelockEscrow',
  kind: 'perDomain',
  abi: hashedTimelockEscrowAbi,
  bytecode: hashedTimelockEscrowBytecode,
  deployedBytecode: hashedTimelockEscrowDeployedBytecode,
})

/**
 * The settlement templates of the compliance plugin, as optional stack components: deploy them
 * with a domain by adding them to the stack.
 *
 * @example
 * import { complianceComponents, deployDomain, domainStack } from '@caldera/deploy-lite'
 * await deployDomain(walletClient, { config, stack: [...domainStack, ...complianceComponents] })
 */
export const complianceComponents: readonly StackComponent[] = Object.freeze([
  sanctionsRegistryComponent,
  paymentVersusPaymentEscrowComponent,
  hashedTimelockEscrowComponent,
])
