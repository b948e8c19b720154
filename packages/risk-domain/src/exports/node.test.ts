import { expect, it } from 'vitest'
import * as mod from './node.js'

it('exports the Node surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "packageArtifactsDir",
      "readBatchCircuitArtifacts",
    ]
  `)
})
