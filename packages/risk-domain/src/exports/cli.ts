// `caldera domain …` commands (Node only). Registered by @caldera/sdk under the `caldera` bin.
export { domainClassifyCommand, domainDefineCommand } from '../cli/domainCommands.js'
