// Public surface of @caldera/sandbox: named exports only.

export { createRandom, type Random } from '@caldera/core'
export {
  ComponentUnavailableError,
  RpcRequestError,
  RpcResponseError,
  ScenarioError,
} from '../errors/sandbox.js'
export { deriveLoadAccounts, type LoadAccount } from '../load/accounts.js'
export {
  defaultStages,
  type GeneratedLoad,
  generateLoad,
  type LoadSpec,
  loadSpecSchema,
  mixEntrySchema,
} from '../load/generateLoad.js'
export { type PresignParameters, presignTransactions, type SignedTx } from '../load/presign.js'
export {
  FINANCIAL_CAP_USD,
  FINANCIAL_MIN_USD,
  type LoadProfileName,
  type LoadTargets,
  loadProfileNameSchema,
  loadProfiles,
  type ProfileShape,
  type TxIntent,
} from '../load/profiles.js'
export { type SignedCall, sendSignedBatch } from '../load/sendSigned.js'
export { type SetupLoadParameters, setupLoad } from '../load/setupLoad.js'
export { planSendTimes, type Stage, stageSchema, stagesDuration } from '../load/stages.js'
export {
  type SubmitParameters,
  type SubmitRecord,
  type SubmitResult,
  submitTransactions,
} from '../load/submit.js'
export { type BlockTracker, type TrackedBlock, trackBlocks } from '../metrics/blockTracker.js'
export {
  type BlockPoint,
  type DomainLoadMetrics,
  type DomainSeries,
  loadMetrics,
} from '../metrics/loadMetrics.js'
export { type Percentiles, percentiles } from '../metrics/percentiles.js'
export { renderReportHtml } from '../report/html.js'
export type {
  BreakerEvent,
  DomainSystemMetrics,
  FaultRecord,
  ScenarioReport,
  SloResult,
} from '../report/types.js'
export { writeReport } from '../report/writeReport.js'
export { type RpcCall, type RpcErrorObject, type RpcOutcome, rpcBatch, rpcCall } from '../rpc/jsonRpc.js'
export { tripLatencyMs, unaffectedThroughputRatio } from '../scenario/isolationMetrics.js'
export { type ScenarioName, scenarioNames, scenarioPreset } from '../scenario/presets.js'
export { type RunIsolationDrillOptions, runIsolationDrill } from '../scenario/runIsolationDrill.js'
export {
  type RunScenarioOptions,
  type RunScenarioReturnType,
  runScenario,
  type ScenarioProgress,
} from '../scenario/runScenario.js'
export { evaluateSlos } from '../scenario/slos.js'
export {
  type FaultSpec,
  faultSpecSchema,
  type ScenarioDomain,
  type ScenarioSpec,
  type ScenarioSpecInput,
  type SloSpec,
  scenarioDomainSchema,
  scenarioSpecSchema,
  sloSpecSchema,
} from '../scenario/spec.js'
export { formatProgress, formatSummary } from '../scenario/summary.js'
export { crossDomainIntents } from '../system/crossDomainLoad.js'
export {
  COMMITTEE_SIZE,
  type DeploySystemParameters,
  deploySystem,
  ERA_PER_MICRO_USD,
  type SystemDomain,
} from '../system/deploySystem.js'
export { type RunningSystem, type SystemMetrics, startSystem } from '../system/runSystem.js'
