import { parse } from '@caldera/core'
import { type StartDevnetParameters, startDevnet, startDevnetSchema } from './startDevnet.js'

/** What vitest hands a global setup function (only the part used here). */
export type GlobalSetupContext = { provide?: (key: string, value: unknown) => void }

/**
 * Builds a vitest `globalSetup` function that starts a devnet once for the whole test run,
 * provides `{ name, chainId, rpcUrl, wsUrl }` of each chain under the key `devnet`
 * (read it with `inject('devnet')`), and stops it at the end.
 *
 * @example
 * // test/globalSetup.ts
 * import { devnetGlobalSetup } from '@caldera/devnet'
 * export default devnetGlobalSetup({ chains: [{ name: 'financial' }, { name: 'light' }] })
 */
export function devnetGlobalSetup(parameters: StartDevnetParameters) {
  // Refuse bad parameters when the config is loaded, not later inside vitest's setup.
  parse(startDevnetSchema, parameters, 'devnet parameters')
  return async function setup(context: GlobalSetupContext = {}): Promise<() => Promise<void>> {
    const devnet = await startDevnet(parameters)
    context.provide?.(
      'devnet',
      devnet.chains.map(({ name, chainId, rpcUrl, wsUrl }) => ({ name, chainId, rpcUrl, wsUrl })),
    )
    return () => devnet.stop()
  }
}
