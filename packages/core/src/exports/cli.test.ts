import { expect, it } from 'vitest'
import * as cli from './cli.js'

it('exports the command-line surface', () => {
  expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
    [
      "captureIO",
      "defineCommand",
      "exitCodes",
      "formatCommandHelp",
      "processIO",
      "runCommand",
    ]
  `)
})
