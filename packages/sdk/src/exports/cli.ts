export { commands } from '../cli/commands.js'
export { runCli } from '../cli/runCli.js'
