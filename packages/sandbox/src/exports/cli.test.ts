import { expect, it } from 'vitest'
import * as cli from './cli.js'

it('exports the command line', () => {
  expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
    [
      "sandboxRunCommand",
    ]
  `)
})
