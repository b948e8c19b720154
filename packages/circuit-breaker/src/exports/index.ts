// Public surface of @caldera/circuit-breaker: named exports only.
export { type ConfigureLaneParameters, configureLane } from '../actions/configureLane.js'
export {
  type DeployChannelParameters,
  type DeployChannelReturnType,
  deployChannel,
} from '../actions/deployChannel.js'
export {
  type ChannelNetworkDomain,
  type DeployChannelNetworkParameters,
  deployChannelNetwork,
  devValidators,
  usdToTokens,
} from '../actions/deployChannelNetwork.js'
export {
  type GetChannelStateParameters,
  type GetChannelStateReturnType,
  getChannelState,
} from '../actions/getChannelState.js'
export { type IsolateDomainParameters, isolateDomain } from '../actions/isolateDomain.js'
export {
  type SendTransferParameters,
  type SendTransferReturnType,
  sendTransfer,
} from '../actions/sendTransfer.js'
export { type SetLanePausedParameters, setLanePaused } from '../actions/setLanePaused.js'
export { type SettleHeldParameters, settleHeld } from '../actions/settleHeld.js'
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
  WatcherConfigurationError,
  WatcherStateError,
} from '../errors/breaker.js'
export { type ReadClient, TransactionRevertedError, type WriteClient } from '../internal/client.js'
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
  type BatchToProve,
  type CreateRelayerParameters,
  createRelayer,
  type Relayer,
  type RelayerDomain,
} from '../relayer/createRelayer.js'
export type { QueuedMessage, Submission } from '../relayer/journal.js'
export { type ZkBatchProverParameters, zkBatchProver } from '../relayer/zkBatchProver.js'
export {
  type ReplayTransfersParameters,
  type ReplayTransfersReturnType,
  type ReplayTrip,
  replayTransfers,
} from '../replay/replayTransfers.js'
export {
  benignProfiles,
  type GenerateBenignTrafficParameters,
  generateBenignTraffic,
  type TrafficProfile,
} from '../simulation/benignTraffic.js'
export {
  type ChainHealth,
  type ChainReachable,
  type ChainUnreachable,
  type CreateWatcherParameters,
  createWatcher,
  type Isolation,
  type IsolationCaughtUp,
  type IsolationResult,
  type Watcher,
  type WatcherDomain,
} from '../watcher/createWatcher.js'
