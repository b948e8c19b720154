import { expect, it } from 'vitest'
import * as mod from './cli.js'

it('exports the commands', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "domainClassifyCommand",
      "domainDefineCommand",
    ]
  `)
})
