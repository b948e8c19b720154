// Public surface of @caldera/circuit-breaker: named exports only.
export {
  type Breaker,
  type CreateBreakerParameters,
  createBreaker,
  type HeldItem,
} from '../breaker/breaker.js'
export {
  type CircuitBreaker,
  type CreateCircuitBreakerParameters,
  createCircuitBreaker,
  type HeldEvent,
  type ObserveResult,
} from '../breaker/circuitBreaker.js'
export {
  type BreakerState,
  type TransitionEntry,
  type VerifyTransitionLogReturnType,
  verifyTransitionLog,
} from '../breaker/transitionLog.js'
export { createOutlierDetector, type OutlierDetectorParameters } from '../detectors/outlier.js'
export {
  type CreateDetectorPipelineParameters,
  createDetectorPipeline,
  createTierDetectors,
  type DetectorPipeline,
  type Trip,
} from '../detectors/pipeline.js'
export {
  createRollingNotionalDetector,
  type RollingNotionalDetectorParameters,
} from '../detectors/rollingNotional.js'
export {
  createSingleTransferDetector,
  type SingleTransferDetectorParameters,
} from '../detectors/singleTransfer.js'
export {
  createTokenBucketDetector,
  TokenBucket,
  type TokenBucketParameters,
} from '../detectors/tokenBucket.js'
export type { Detector, DetectorEvent, DetectorName } from '../detectors/types.js'
export { createVelocityDetector, type VelocityDetectorParameters } from '../detectors/velocity.js'
export {
  EventLineError,
  InvalidTransitionError,
  LaneLimitAboveStakeError,
  PriceNotFoundError,
  UnknownDomainError,
} from '../errors/breaker.js'
export {
  type AssertLaneLimitsParameters,
  assertLaneLimits,
  laneLimitUsd,
  stakeUsd,
} from '../policy/assertLaneLimits.js'
export {
  type BreakerPolicy,
  type BreakerPolicyInput,
  defaultTierPolicies,
  resolvePolicy,
  type TierPolicy,
  type TierPolicyInput,
  tierOfDomain,
  tierPolicySchema,
} from '../policy/policy.js'
export {
  aggregatorV3Abi,
  createFeedPriceSource,
  createStaticPriceSource,
  type PriceSource,
  type TokenPrice,
  valueInUsd,
} from '../price/priceSource.js'
export {
  benignProfiles,
  type GenerateBenignTrafficParameters,
  generateBenignTraffic,
  type TrafficProfile,
} from '../simulation/benignTraffic.js'
