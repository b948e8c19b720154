import { expect, it } from 'vitest'
import * as mod from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "AuditChainBrokenError",
      "ComplianceError",
      "InvalidTransactionError",
      "RateNotFoundError",
      "TransactionFileError",
      "amlConfigSchema",
      "amlScanCommand",
      "amlScanConfigSchema",
      "buildCases",
      "canonicalJson",
      "createAmlMonitor",
      "createAuditLog",
      "createRandom",
      "createSanctionsList",
      "evaluateAml",
      "exportCases",
      "generateAmlData",
      "jurisdictionPacks",
      "listedIn",
      "ofacEthList",
      "ofacEthVersions",
      "parseSanctionsFile",
      "plantedTypologies",
      "readTransactionFile",
      "replayAml",
      "resolveAmlConfig",
      "ruleVersions",
      "ruleWeights",
      "sanctionsListVersionSchema",
      "toAmlSimCsv",
      "typologies",
      "verifyAuditLog",
    ]
  `)
})
