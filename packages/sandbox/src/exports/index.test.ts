import { expect, it } from 'vitest'
import * as sandbox from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(sandbox).sort()).toMatchInlineSnapshot(`
    [
      "ComponentUnavailableError",
      "FINANCIAL_CAP_USD",
      "FINANCIAL_MIN_USD",
      "RpcRequestError",
      "RpcResponseError",
      "ScenarioError",
      "createRandom",
      "defaultStages",
      "deriveLoadAccounts",
      "evaluateSlos",
      "faultSpecSchema",
      "formatProgress",
      "formatSummary",
      "generateLoad",
      "loadMetrics",
      "loadProfileNameSchema",
      "loadProfiles",
      "loadSpecSchema",
      "mixEntrySchema",
      "percentiles",
      "planSendTimes",
      "presignTransactions",
      "renderReportHtml",
      "rpcBatch",
      "rpcCall",
      "runIsolationDrill",
      "runScenario",
      "scenarioDomainSchema",
      "scenarioNames",
      "scenarioPreset",
      "scenarioSpecSchema",
      "setupLoad",
      "sloSpecSchema",
      "stageSchema",
      "stagesDuration",
      "submitTransactions",
      "trackBlocks",
      "writeReport",
    ]
  `)
})
