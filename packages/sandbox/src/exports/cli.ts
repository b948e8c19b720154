// Command line of @caldera/sandbox (Node only), registered by @caldera/sdk under `caldera`.
export { sandboxRunCommand } from '../cli/sandboxRunCommand.js'
