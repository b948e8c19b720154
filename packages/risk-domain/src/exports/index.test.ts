import { expect, it } from 'vitest'
import * as mod from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "BelowTierMinimumError",
      "classificationThresholds",
      "classifyScenario",
      "dataSensitivities",
      "defineDomain",
      "scenarioDescriptorSchema",
    ]
  `)
})
