import { RpcRequestError, RpcResponseError } from '../errors/sandbox.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** One JSON-RPC call. */
export type RpcCall = { method: string; params: unknown[] }

/** The answer to one call of a batch: a result or an error object. */
export type RpcOutcome =
  | { result: unknown; error?: undefined }
  | { result?: undefined; error: RpcErrorObject }

/** A JSON-RPC error object. */
export type RpcErrorObject = { code: number; message: string; data?: unknown }

type Envelope = { id: number; result?: unknown; error?: RpcErrorObject }

let nextId = 1

/**
 * Sends several JSON-RPC calls as one HTTP request (a JSON array) and returns their outcomes in
 * the order of `calls`. Throws {@link RpcRequestError} when the endpoint cannot be reached or
 * times out; per-call errors are returned, not thrown.
 *
 * @example
 * import { rpcBatch } from '@caldera/sandbox'
 * const [a, b] = await rpcBatch({
 *   url: 'http://127.0.0.1:8545',
 *   calls: [{ method: 'eth_blockNumber', params: [] }, { method: 'eth_chainId', params: [] }],
 * })
 */
export async function rpcBatch(options: {
  url: string
  calls: readonly RpcCall[]
  timeoutMs?: number
}): Promise<RpcOutcome[]> {
  check(inputSchemas.rpcBatch, options, 'rpcBatch options')
  const { url, calls, timeoutMs = 10_000 } = options
  if (calls.length === 0) return []
  const first = nextId
  nextId += calls.length
  const body = JSON.stringify(
    calls.map((c, i) => ({ jsonrpc: '2.0', id: first + i, method: c.method, params: c.params })),
  )
  let payload: unknown
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    })
    payload = await response.json()
  } catch (cause) {
    throw new RpcRequestError({ url, method: calls[0]!.method, cause })
  }
  const envelopes = Array.isArray(payload) ? (payload as Envelope[]) : [payload as Envelope]
  const out: RpcOutcome[] = new Array(calls.length)
  for (const e of envelopes) {
    const index = (e?.id ?? -1) - first
    if (index < 0 || index >= calls.length) continue
    out[index] = e.error ? { error: e.error } : { result: e.result }
  }
  for (let i = 0; i < calls.length; i++) {
    out[i] ??= { error: { code: -32_603, message: 'no response for this call in the batch' } }
  }
  return out
}

/**
 * Sends one JSON-RPC call and returns its result; throws {@link RpcResponseError} on an error
 * object and {@link RpcRequestError} when the endpoint cannot be reached.
 *
 * @example
 * import { rpcCall } from '@caldera/sandbox'
 * const block = await rpcCall({ url: 'http://127.0.0.1:8545', method: 'eth_blockNumber', params: [] })
 */
export async function rpcCall<T = unknown>(options: {
  url: string
  method: string
  params: unknown[]
  timeoutMs?: number
}): Promise<T> {
  check(inputSchemas.rpcCall, options, 'rpcCall options')
  const { url, method, params, timeoutMs } = options
  const [outcome] = await rpcBatch({
    url,
    calls: [{ method, params }],
    ...(timeoutMs !== undefined && { timeoutMs }),
  })
  if (outcome!.error) throw new RpcResponseError({ method, ...outcome!.error })
  return outcome!.result as T
}
