export { ANVIL_MNEMONIC, anvilAccounts } from '../accounts.js'
export { devnetGlobalSetup, type GlobalSetupContext } from '../actions/devnetGlobalSetup.js'
export {
  type Devnet,
  type DevnetChain,
  type DevnetChainParameters,
  type StartDevnetParameters,
  startDevnet,
} from '../actions/startDevnet.js'
export { resolveAnvilBinary } from '../anvil/resolveAnvilBinary.js'
export {
  AnvilNotFoundError,
  ChainExitedError,
  ChainStartTimeoutError,
  DevnetChainNotFoundError,
} from '../errors/devnet.js'
