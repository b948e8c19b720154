import { expect, it } from 'vitest'
import * as mod from './cli.js'

it('exports the command line surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "amlScanCommand",
      "amlScanConfigSchema",
      "readTransactionFile",
    ]
  `)
})
