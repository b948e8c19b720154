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
      "buildCases",
      "canonicalJson",
      "createAmlMonitor",
      "createAuditLog",
      "createSanctionsList",
      "exportCases",
      "jurisdictionPacks",
      "listedIn",
      "ofacEthList",
      "ofacEthVersions",
      "parseSanctionsFile",
      "replayAml",
      "resolveAmlConfig",
      "ruleVersions",
      "ruleWeights",
      "sanctionsListVersionSchema",
      "typologies",
      "verifyAuditLog",
    ]
  `)
})
