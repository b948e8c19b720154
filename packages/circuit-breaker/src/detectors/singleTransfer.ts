import { check, inputSchemas } from '../internal/inputs.js'
import { type Detector, type DetectorEvent, dollars, usdToNumber } from './types.js'

export type SingleTransferDetectorParameters = {
  /** Micro-dollars; a transfer strictly above it trips. Default 1,000,000 USD. */
  thresholdUsd?: bigint
}

/**
 * Trips on a single transfer whose USD value is above the threshold (default 1,000,000 USD).
 *
 * @example
 * import { createSingleTransferDetector } from '@caldera/circuit-breaker'
 * import { parseUsd } from '@caldera/core'
 * const detector = createSingleTransferDetector({ thresholdUsd: parseUsd('1000000') })
 * detector.check(event, Number(event.usd)) // 'transfer of 1,500,000 USD above the 1,000,000 USD threshold'
 */
export function createSingleTransferDetector(parameters: SingleTransferDetectorParameters = {}): Detector {
  check(inputSchemas.singleTransfer, parameters, 'single transfer detector parameters')
  const threshold = usdToNumber(parameters.thresholdUsd ?? 1_000_000_000_000n)
  return {
    name: 'singleTransfer',
    check(_event: DetectorEvent, usd: number) {
      if (usd > threshold) return `transfer of ${dollars(usd)} above the ${dollars(threshold)} threshold`
      return undefined
    },
    commit() {},
  }
}
