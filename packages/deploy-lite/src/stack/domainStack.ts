import type { Tier } from '@caldera/core'
import { check, inputSchemas } from '../internal/inputs.js'
import type { StackComponent } from './component.js'
import { attestationVerifierComponent } from './components/attestationVerifier.js'
import { batchInboxComponent } from './components/batchInbox.js'
import { channelComponent } from './components/channel.js'
import { domainRegistryComponent } from './components/domainRegistry.js'
import { hybridVerifierComponent } from './components/hybridVerifier.js'
import {
  disclosureVerifierComponent,
  membershipGroth16VerifierComponent,
  notaryComponent,
  rangeGroth16VerifierComponent,
  selectiveGroth16VerifierComponent,
} from './components/privacy.js'
import { stakingRegistryComponent } from './components/stakingRegistry.js'
import {
  batchCommitmentGroth16VerifierComponent,
  zkBatchVerifierComponent,
} from './components/zkBatchVerifier.js'

/**
 * The contracts of a risk domain, in deployment order (a component's initialiser may reference
 * any other component's address: all addresses are known before anything is sent).
 */
export const domainStack: readonly StackComponent[] = Object.freeze([
  stakingRegistryComponent,
  domainRegistryComponent,
  attestationVerifierComponent,
  hybridVerifierComponent,
  batchCommitmentGroth16VerifierComponent,
  zkBatchVerifierComponent,
  channelComponent,
  batchInboxComponent,
  notaryComponent,
  disclosureVerifierComponent,
  membershipGroth16VerifierComponent,
  rangeGroth16VerifierComponent,
  selectiveGroth16VerifierComponent,
])

/**
 * The components of `stack` that a domain of `tier` deploys.
 *
 * @example
 * import { domainStack, stackForTier } from '@caldera/deploy-lite'
 * const components = stackForTier({ stack: domainStack, tier: 'light' })
 */
export function stackForTier(parameters: { stack: readonly StackComponent[]; tier: Tier }): StackComponent[] {
  check(inputSchemas.stackForTier, parameters, 'stackForTier parameters')
  return parameters.stack.filter((c) => !c.tiers || c.tiers.includes(parameters.tier))
}
