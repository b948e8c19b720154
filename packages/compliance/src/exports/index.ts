// Public surface of @caldera/compliance: named exports only.

/** The seeded random source of `@caldera/core`, re-exported: `createRandom(seed).next()`. */
export { createRandom, type Random } from '@caldera/core'
export {
  createHtlcLock,
  deployHtlc,
  getHtlcLock,
  type HtlcLock,
  htlcHashlock,
  refundHtlc,
  withdrawHtlc,
} from '../actions/htlc.js'
export {
  createPvpTrade,
  deployPvpEscrow,
  fundPvpTrade,
  getPvpTrade,
  type PvpTrade,
  type PvpTradeStatus,
  refundPvpTrade,
} from '../actions/pvpEscrow.js'
export {
  deploySanctionsRegistry,
  isSanctionedOnChain,
  sanctionsVersionId,
  setSanctioned,
  syncSanctionsRegistry,
} from '../actions/sanctionsRegistry.js'
export {
  type AuditEntry,
  type AuditLog,
  canonicalJson,
  createAuditLog,
  verifyAuditLog,
} from '../aml/auditLog.js'
export {
  type AmlConfig,
  type AmlConfigInput,
  amlConfigSchema,
  type Jurisdiction,
  jurisdictionPacks,
  resolveAmlConfig,
} from '../aml/config.js'
export {
  type AmlMonitor,
  type CreateAmlMonitorParameters,
  createAmlMonitor,
  replayAml,
  ruleVersions,
  ruleWeights,
} from '../aml/createAmlMonitor.js'
export { evaluateAml, type TypologyScore } from '../aml/evaluateAml.js'
export { type AmlCase, buildCases, exportCases } from '../aml/exportCases.js'
export {
  type AmlDataset,
  type GenerateAmlDataParameters,
  generateAmlData,
  generateAmlDataSchema,
  type LabelledTransaction,
  type PlantedPattern,
  type PlantedTypology,
  plantedTypologies,
  toAmlSimCsv,
} from '../aml/generateAmlData.js'
export {
  type AmlAlert,
  type AmlRuleId,
  type AmlTransaction,
  type Typology,
  typologies,
} from '../aml/types.js'
export {
  AuditChainBrokenError,
  ComplianceError,
  InvalidTransactionError,
  RateNotFoundError,
  TransactionFileError,
} from '../errors/compliance.js'
export { type ReadClient, SettlementTransactionError, type WriteClient } from '../internal/client.js'
export { ofacEthList, ofacEthVersions } from '../sanctions/ofacEth.js'
export {
  createSanctionsList,
  type ListingInterval,
  listedIn,
  parseSanctionsFile,
  type SanctionsList,
  type SanctionsListVersion,
  sanctionsListVersionSchema,
} from '../sanctions/sanctionsList.js'
export {
  convert,
  createRateSource,
  type FxAmount,
  type Rate,
  type RateInput,
  type RateSource,
  rateInputSchema,
} from '../settlement/fx.js'
export { instructionsToPacs009 } from '../settlement/instructionsToPacs009.js'
export {
  type Agent,
  agentSchema,
  formatIsoAmount,
  type Pacs008Parameters,
  type Pacs009Parameters,
  type Party,
  pacs008Schema,
  pacs009Schema,
  partySchema,
  toPacs008,
  toPacs009,
} from '../settlement/iso20022.js'
export {
  type NettingResult,
  netObligations,
  type Obligation,
  type SettlementInstruction,
} from '../settlement/netting.js'
export {
  type BuildIvms101PayloadParameters,
  buildIvms101Payload,
  type LegalPersonInput,
  type NaturalPersonInput,
  type PartyInput,
  validateIvms101Payload,
} from '../travel/buildIvms101Payload.js'
export {
  type Ivms101Payload,
  type IvmsAddress,
  type IvmsPerson,
  isValidLei,
  ivms101Schema,
  ivmsAddressSchema,
  ivmsPersonSchema,
  legalPersonSchema,
  naturalPersonSchema,
} from '../travel/ivms101Schema.js'
export {
  type TravelRuleJurisdiction,
  travelRuleApplies,
  travelRuleThresholds,
} from '../travel/travelRulePolicy.js'
