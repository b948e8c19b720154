/** The operation did not settle in time (a chain that does not answer). */
export class OperationTimeoutError extends Error {
  override name = 'OperationTimeoutError'
}

/**
 * Rejects with an {@link OperationTimeoutError} when `promise` has not settled within `ms`
 * (the promise itself runs on; its outcome is ignored).
 */
export function withTimeout<value>(promise: Promise<value>, ms: number, message?: string): Promise<value> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new OperationTimeoutError(message ?? `RPC call timed out after ${ms} ms.`)),
      ms,
    )
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
