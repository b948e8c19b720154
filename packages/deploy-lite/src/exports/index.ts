// Public surface of @caldera/deploy-lite: named exports only.
export {
  type DeployDomainParameters,
  type DeployDomainReturnType,
  deployDomain,
} from '../actions/deployDomain.js'
export {
  type ExecuteDeploymentReturnType,
  executeDeployment,
  type SentStep,
} from '../actions/executeDeployment.js'
export {
  type DeploymentPlan,
  type PlanDeploymentParameters,
  type PlannedStep,
  planDeployment,
} from '../actions/planDeployment.js'
export { type PostBatchParameters, type PostBatchReturnType, postBatch } from '../actions/postBatch.js'
export {
  type DomainAddresses,
  implementationAddressOf,
  type PredictDomainAddressesParameters,
  predictDomainAddresses,
} from '../actions/predictDomainAddresses.js'
export { type ReadBatchReturnType, readBatch } from '../actions/readBatch.js'
export {
  componentKeyOf,
  create2Address,
  create2DeployerAddress,
  domainSaltOf,
  eip1167InitCode,
  eip1167RuntimeCode,
  runtimeInstallerCode,
} from '../address/create2.js'
export { deployCommand, formatPlan } from '../cli/deployCommand.js'
export {
  type DeployConfig,
  type DeployConfigInput,
  type DeployMode,
  deployConfigSchema,
  deployModeSchema,
  maxTransactionGas,
  validateDeployConfig,
} from '../config/deployConfig.js'
export { type BatchCodec, BatchDecodeError, compress, decodeBatch, encodeBatch } from '../da/codec.js'
export { type CompareDaCostsReturnType, compareDaCosts, type DaOption } from '../da/compareDaCosts.js'
export {
  type AltDaPrice,
  altDaPostingCost,
  blobBaseCost,
  blobPostingCost,
  blobUsableBytes,
  type CalldataGas,
  calldataGas,
  calldataPostingCost,
  type DaPrices,
  effectiveBlobBaseFee,
  gasPerBlob,
  type PostingCost,
  standardTokenCost,
  totalCostFloorPerToken,
  txBaseGas,
} from '../da/costModel.js'
export {
  type GeneratedBatch,
  type GenerateErc20BatchParameters,
  generateErc20Batch,
} from '../da/generateBatch.js'
export {
  ChainMismatchError,
  Create2DeployerMissingError,
  DeployerMismatchError,
  DeploymentRevertedError,
  GasCapExceededError,
  PartialDeploymentError,
  SimulationFailedError,
} from '../errors/deploy.js'
export { defineComponent, type InitContext, type StackComponent } from '../stack/component.js'
export { attestationVerifierComponent } from '../stack/components/attestationVerifier.js'
export { batchInboxComponent } from '../stack/components/batchInbox.js'
export { channelComponent, channelParamsSchema } from '../stack/components/channel.js'
export {
  complianceComponents,
  hashedTimelockEscrowComponent,
  paymentVersusPaymentEscrowComponent,
  sanctionsRegistryComponent,
} from '../stack/components/compliance.js'
export { domainRegistryComponent } from '../stack/components/domainRegistry.js'
export { hybridVerifierComponent, hybridVerifierParamsSchema } from '../stack/components/hybridVerifier.js'
export {
  disclosureVerifierComponent,
  membershipGroth16VerifierComponent,
  notaryComponent,
  notaryParamsSchema,
  rangeGroth16VerifierComponent,
  selectiveGroth16VerifierComponent,
} from '../stack/components/privacy.js'
export { stakingRegistryComponent, stakingRegistryParamsSchema } from '../stack/components/stakingRegistry.js'
export {
  batchCommitmentGroth16VerifierComponent,
  zkBatchVerifierComponent,
} from '../stack/components/zkBatchVerifier.js'
export { domainStack, stackForTier } from '../stack/domainStack.js'
