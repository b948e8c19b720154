import type { Hex } from 'viem'

/** A validator's share of a domain's group signing key (keep `secret` private). */
export type ThresholdKeyShare = {
  /** 1-based participant index. */
  index: number
  /** The secret share x_i. */
  secret: bigint
  /** x_i·G, compressed: lets anyone check this validator's signature shares. */
  verificationShare: Hex
}

/** A domain's group public key, as `ThresholdAttestationVerifier.setGroupKey` takes it. */
export type ThresholdGroupKey = {
  /** x coordinate of the group key (below the group order). */
  x: bigint
  /** y parity: 0 even, 1 odd. */
  parity: 0 | 1
  /** The group key, compressed. */
  publicKey: Hex
  validators: number
  threshold: number
}

/** The output of a key generation: the group key and every participant's share. */
export type ThresholdKey = { groupKey: ThresholdGroupKey; shares: ThresholdKeyShare[] }
