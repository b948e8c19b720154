import { CalderaError } from '@caldera/core'

/** A JSON-RPC endpoint did not answer, or answered with something that is not JSON-RPC. */
export class RpcRequestError extends CalderaError {
  override name = 'RpcRequestError'
  readonly url: string
  constructor({ url, method, cause }: { url: string; method: string; cause?: unknown }) {
    super(`JSON-RPC ${method} to ${url} failed.`, {
      cause,
      hint: 'Check that the chain is running and reachable; the sandbox retries outages it injects itself.',
    })
    this.url = url
  }
}

/** A JSON-RPC call returned an error object. */
export class RpcResponseError extends CalderaError {
  override name = 'RpcResponseError'
  readonly code: number
  constructor({ method, code, message }: { method: string; code: number; message: string }) {
    super(`JSON-RPC ${method} returned error ${code}: ${message}`)
    this.code = code
  }
}

/** A scenario could not be set up or run. */
export class ScenarioError extends CalderaError {
  override name = 'ScenarioError'
}

/** A component the scenario needs is not available (a package, a contract, a chain). */
export class ComponentUnavailableError extends CalderaError {
  override name = 'ComponentUnavailableError'
  constructor({ component, reason }: { component: string; reason: string }) {
    super(`${component} is not available: ${reason}`, {
      hint: 'Build the workspace (`pnpm build`) or drop the part of the scenario that needs it.',
    })
  }
}
