export { CalderaError, type CalderaErrorOptions } from '../errors/base.js'
export { ValidationError, type ValidationErrorParameters } from '../errors/validation.js'
export { createRandom, type Random } from '../random/createRandom.js'
export {
  type DomainConfig,
  type DomainConfigInput,
  domainConfigSchema,
  domainIdOf,
  domainNameSchema,
  type Validator,
  validatorSchema,
} from '../schemas/domain.js'
export {
  type CrossDomainMessage,
  crossDomainMessageSchema,
  type TransferEvent,
  transferEventSchema,
} from '../schemas/message.js'
export {
  currencySchema,
  type Money,
  moneySchema,
  toUsd,
  type UsdPrice,
  usdPriceSchema,
} from '../schemas/money.js'
export {
  addressSchema,
  amountSchema,
  bigintSchema,
  bytes32Schema,
  chainIdSchema,
  hexSchema,
  positiveAmountSchema,
  rpcUrlSchema,
} from '../schemas/primitives.js'
export {
  minTotalStake,
  type SecurityProfile,
  securityProfileSchema,
  tierPresets,
} from '../schemas/securityProfile.js'
export {
  compareProofSystems,
  compareTiers,
  type ProofSystem,
  proofSystemSchema,
  proofSystems,
  type Tier,
  tierFromCode,
  tierSchema,
  tiers,
  tierToCode,
  weakerTier,
} from '../schemas/tier.js'
export { ERA_DECIMALS, formatEra, formatUsd, parseEra, parseUsd, USD_DECIMALS } from '../units/units.js'
export { describeValue } from '../validation/describeValue.js'
export { formatPath, formatZodError, type ValidationIssue } from '../validation/formatZodError.js'
export { parse } from '../validation/parse.js'
export { version } from '../version.js'
