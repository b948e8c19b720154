import { ContractFunctionRevertedError, ContractFunctionZeroDataError } from 'viem'

/**
 * Whether reading a channel failed because of what is at the address (no contract there, or one
 * that reverts `token()`), as opposed to a chain that did not answer: the first is a
 * configuration error to report at once, the second an outage to wait out.
 */
export function isConfigurationError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 8; depth++) {
    if (e instanceof ContractFunctionZeroDataError || e instanceof ContractFunctionRevertedError) return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

/**
 * One line naming what went wrong: viem's short message, the HTTP status and the details found
 * along the cause chain (e.g. `HTTP request failed. (HTTP 503: Service Unavailable)`).
 */
export function describeError(error: unknown): string {
  const chain: { shortMessage?: unknown; details?: unknown; status?: unknown; message?: unknown }[] = []
  for (
    let e: unknown = error;
    e !== null && typeof e === 'object' && chain.length < 8;
    e = (e as { cause?: unknown }).cause
  )
    chain.push(e as never)
  const top = chain[0]
  const head =
    typeof top?.shortMessage === 'string'
      ? top.shortMessage
      : (top && typeof top.message === 'string' ? top.message : String(error)).split('\n')[0]!
  const status = chain.find((e) => typeof e.status === 'number')?.status
  const details = chain.find((e) => typeof e.details === 'string' && e.details !== '')?.details as
    | string
    | undefined
  const extra = [status !== undefined ? `HTTP ${status}` : undefined, details?.split('\n')[0]]
    .filter((x) => x !== undefined && x !== '' && !head.includes(x))
    .join(': ')
  return (extra ? `${head} (${extra})` : head).slice(0, 300)
}
