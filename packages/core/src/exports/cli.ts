// Command-line building blocks (Node only: uses node:util). Kept out of the main entry so the
// main entry stays browser-safe.
export { type CapturedIO, captureIO } from '../cli/captureIO.js'
export {
  type CalderaCommand,
  type CommandIO,
  type CommandOption,
  type CommandPositional,
  type CommandRunParameters,
  defineCommand,
} from '../cli/defineCommand.js'
export { formatCommandHelp } from '../cli/formatCommandHelp.js'
export { exitCodes, processIO, runCommand } from '../cli/runCommand.js'
