// `caldera zk …` commands (Node only), registered by @caldera/sdk's `caldera` bin.
export { zkContributeCommand, zkVerifyCommand } from '../cli/zkCommands.js'
