import { z } from 'zod'
import { addressSchema, amountSchema, bytes32Schema, hexSchema } from './primitives.js'

/** A cross-domain message: value and data sent from one domain's channel to another's. */
export const crossDomainMessageSchema = z.object({
  /** Domain id (`domainIdOf(name)`) of the sender's domain. */
  sourceDomain: bytes32Schema,
  /** Domain id of the receiving domain. */
  destinationDomain: bytes32Schema,
  /** Per-lane sequence number; a message executes at most once. */
  nonce: amountSchema,
  sender: addressSchema,
  recipient: addressSchema,
  /** ERC-20 token moved (the channel's token on the source chain). */
  token: addressSchema,
  /** Token base units. */
  amount: amountSchema,
  data: hexSchema.default('0x'),
})
export type CrossDomainMessage = z.infer<typeof crossDomainMessageSchema>

/**
 * A transfer as the circuit breaker and AML monitor see it: one line of a transfer stream.
 * `usd` is the value in micro-dollars (6 decimals); `timestamp` in seconds since the epoch.
 */
export const transferEventSchema = z.object({
  domain: z.string().min(1).max(64),
  from: addressSchema,
  to: addressSchema,
  token: z.string().min(1).max(64),
  amount: amountSchema,
  usd: amountSchema,
  timestamp: z.number().int().nonnegative(),
  /** Destination domain when the transfer crosses a lane. */
  toDomain: z.string().min(1).max(64).optional(),
  /** Transaction hash or another id of the transfer. */
  id: z.string().min(1).max(200).optional(),
})
export type TransferEvent = z.infer<typeof transferEventSchema>
