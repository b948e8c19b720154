import { expect, it } from 'vitest'
import * as mod from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(mod).sort()).toMatchInlineSnapshot(`
    [
      "EventLineError",
      "InvalidTransitionError",
      "LaneLimitAboveStakeError",
      "PriceNotFoundError",
      "TokenBucket",
      "UnknownDomainError",
      "aggregatorV3Abi",
      "assertLaneLimits",
      "benignProfiles",
      "createBreaker",
      "createCircuitBreaker",
      "createDetectorPipeline",
      "createFeedPriceSource",
      "createOutlierDetector",
      "createRollingNotionalDetector",
      "createSingleTransferDetector",
      "createStaticPriceSource",
      "createTierDetectors",
      "createTokenBucketDetector",
      "createVelocityDetector",
      "defaultTierPolicies",
      "generateBenignTraffic",
      "laneLimitUsd",
      "resolvePolicy",
      "stakeUsd",
      "tierOfDomain",
      "tierPolicySchema",
      "valueInUsd",
      "verifyTransitionLog",
    ]
  `)
})
