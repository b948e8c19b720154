import { check, inputSchemas } from '../internal/inputs.js'

/**
 * Signatures needed from `validators` validators at a quorum of `quorumBps` basis points
 * (rounded up, at least 1): `attestationThreshold({ validators: 50, quorumBps: 5100 })` is 26.
 *
 * @example
 * import { tierPresets } from '@caldera/core'
 * import { attestationThreshold } from '@caldera/risk-domain'
 * const k = attestationThreshold({ validators: 50, quorumBps: tierPresets.light.attestationQuorumBps })
 */
export function attestationThreshold(parameters: { validators: number; quorumBps: number }): number {
  check(inputSchemas.attestationThreshold, parameters, 'attestation threshold')
  const { validators, quorumBps } = parameters
  return Math.max(1, Math.ceil((validators * quorumBps) / 10_000))
}
