// Public surface of @caldera/sdk: createCaldera and the names a dApp needs most from the packages.

// Circuit breaker
export {
  type BreakerPolicy,
  createCircuitBreaker,
  createRelayer,
  createWatcher,
  deployChannelNetwork,
  getChannelState,
  isolateDomain,
  resolvePolicy,
  sendTransfer,
  settleHeld,
  type Watcher,
} from '@caldera/circuit-breaker'
// Compliance
export {
  buildIvms101Payload,
  createAmlMonitor,
  createPvpTrade,
  deployPvpEscrow,
  fundPvpTrade,
  netObligations,
  toPacs008,
} from '@caldera/compliance'
// Core types, units and errors
export {
  CalderaError,
  domainIdOf,
  formatEra,
  formatUsd,
  parseEra,
  parseUsd,
  type SecurityProfile,
  type Tier,
  tierPresets,
  ValidationError,
} from '@caldera/core'
// Deployment
export { deployDomain, planDeployment, predictDomainAddresses } from '@caldera/deploy-lite'
// Privacy
export {
  commitRecord,
  defineRecordSchema,
  generateKeyPair,
  NotarizationTree,
  openRecord,
  proveDisclosure,
  sealRecord,
  submitDisclosure,
  verifyDisclosure,
} from '@caldera/privacy-zk'
// Risk domains
export {
  activateDomain,
  BelowTierMinimumError,
  classifyScenario,
  DomainStatusError,
  defineDomain,
  getDomain,
  ProfileNotMetError,
  type ScenarioDescriptorInput,
} from '@caldera/risk-domain'
export type { CalderaBreakerActions } from '../caldera/breakerActions.js'
export type { CalderaComplianceActions, CalderaPvpTradeInput } from '../caldera/complianceActions.js'
export {
  type CalderaConfig,
  type CalderaDomain,
  type CalderaDomainConfig,
  calderaConfigSchema,
  calderaDomainConfigSchema,
  type DomainReadClient,
  type DomainWriteClient,
} from '../caldera/config.js'
export { type Caldera, type CalderaBase, createCaldera } from '../caldera/createCaldera.js'
export type { CalderaDeployActions, CalderaDeployOptions } from '../caldera/deployActions.js'
export { MissingContractError, MissingWalletError, UnknownDomainError } from '../caldera/errors.js'
export type { CalderaPrivacyActions } from '../caldera/privacyActions.js'
export { version } from '../version.js'
