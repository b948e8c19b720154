// Command-line entry of @caldera/circuit-breaker (Node only): registered by @caldera/sdk.
export { breakerReplayCommand } from '../cli/breakerReplayCommand.js'
