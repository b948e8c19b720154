import { CalderaError } from '@caldera/core'

/** The anvil binary could not be found for this platform. */
export class AnvilNotFoundError extends CalderaError {
  override name = 'AnvilNotFoundError'
  constructor({ platform, cause }: { platform: string; cause?: unknown }) {
    super(`No anvil binary for ${platform}.`, {
      cause,
      hint: 'Install @foundry-rs/anvil with its optional platform package (do not pass --no-optional), or pass `anvilPath` / set CALDERA_ANVIL_PATH to an anvil binary.',
    })
  }
}

/** A chain did not answer JSON-RPC within the start-up bound. */
export class ChainStartTimeoutError extends CalderaError {
  override name = 'ChainStartTimeoutError'
  readonly chain: string
  constructor({
    chain,
    rpcUrl,
    timeoutMs,
    output,
  }: { chain: string; rpcUrl: string; timeoutMs: number; output: string }) {
    super(`Chain "${chain}" did not come up at ${rpcUrl} within ${timeoutMs} ms.`, {
      metaMessages: output ? ['Last output of anvil:', output] : [],
      hint: 'Check that the machine is not overloaded, or raise `startTimeoutMs`.',
    })
    this.chain = chain
  }
}

/** An anvil process exited before it was ready (or while it was in use). */
export class ChainExitedError extends CalderaError {
  override name = 'ChainExitedError'
  readonly chain: string
  constructor({
    chain,
    code,
    signal,
    output,
  }: { chain: string; code: number | null; signal: string | null; output: string }) {
    super(`Chain "${chain}" (anvil) exited with ${signal ? `signal ${signal}` : `code ${code}`}.`, {
      metaMessages: output ? ['Last output of anvil:', output] : [],
      hint: 'Read the output above; a port in use or a bad option are the usual causes.',
    })
    this.chain = chain
  }
}

/** `devnet.chain(name)` was asked for a chain the devnet did not start. */
export class DevnetChainNotFoundError extends CalderaError {
  override name = 'DevnetChainNotFoundError'
  constructor({ name, names }: { name: string; names: string[] }) {
    super(`No chain named "${name}" in this devnet.`, {
      hint: `Use one of: ${names.map((n) => `"${n}"`).join(', ')}.`,
    })
  }
}
