import { expect, it } from 'vitest'
import * as devnet from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(devnet).sort()).toMatchInlineSnapshot(`
    [
      "ANVIL_MNEMONIC",
      "AnvilNotFoundError",
      "ChainExitedError",
      "ChainStartTimeoutError",
      "DevnetChainNotFoundError",
      "anvilAccounts",
      "devnetGlobalSetup",
      "resolveAnvilBinary",
      "startDevnet",
    ]
  `)
})
