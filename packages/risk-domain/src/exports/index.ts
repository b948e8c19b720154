// Public surface of @caldera/risk-domain: named exports only.
export {
  type ClassificationReason,
  type ClassifyScenarioReturnType,
  classificationThresholds,
  classifyScenario,
} from '../classify/classifyScenario.js'
export {
  type DataSensitivity,
  dataSensitivities,
  type ScenarioDescriptor,
  type ScenarioDescriptorInput,
  scenarioDescriptorSchema,
} from '../classify/scenarioDescriptor.js'
export {
  type DefineDomainParameters,
  type DefineDomainReturnType,
  defineDomain,
} from '../domain/defineDomain.js'
export { BelowTierMinimumError, type ProfileWeakening } from '../errors/domain.js'
