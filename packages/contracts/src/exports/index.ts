// The generated index names every contract's `…Abi`, `…Bytecode` and `…DeployedBytecode`
// explicitly; it is rebuilt from `contracts/` by `scripts/compile.ts` on every build.

export {
  CloneDeploymentError,
  type DeployInitializedCloneParameters,
  type DeployInitializedCloneReturnType,
  deployInitializedClone,
} from '../actions/deployInitializedClone.js'
export * from '../generated/index.js'
