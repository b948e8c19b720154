import { PrivacyError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { MAX_FIELDS, RANGE_BITS } from '../schema/fieldTypes.js'

/** The public statement of a disclosure proof. */
export type DisclosureStatement = {
  /** Index of the disclosed field in the record (0–7). */
  fieldIndex: number
  /** Encoded inclusive bounds, each in [0, 2^40). */
  min: bigint
  max: bigint
  /** Context the proof is made for (uint32, e.g. an order or request id); part of the nullifier. */
  scope: bigint
}

const LIMIT = 1n << BigInt(RANGE_BITS)
const SCOPE_LIMIT = 1n << 32n

/**
 * Packs a statement into one field element, the circuit's `statement` public input:
 * `fieldIndex + min·2^3 + max·2^43 + scope·2^83` (< 2^115).
 *
 * @example
 * import { packStatement } from '@caldera/privacy-zk'
 * const statement = packStatement({ fieldIndex: 2, min, max, scope: 7n })
 */
export function packStatement(statement: DisclosureStatement): bigint {
  check(inputSchemas.statement, statement, 'disclosure statement')
  const { fieldIndex, min, max, scope } = statement
  if (!Number.isInteger(fieldIndex) || fieldIndex < 0 || fieldIndex >= MAX_FIELDS) {
    throw new PrivacyError(`Field index must be in [0, ${MAX_FIELDS - 1}], got ${fieldIndex}.`)
  }
  for (const [name, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (value < 0n || value >= LIMIT)
      throw new PrivacyError(`Statement ${name} must be in [0, 2^${RANGE_BITS}), got ${value}.`)
  }
  if (scope < 0n || scope >= SCOPE_LIMIT) throw new PrivacyError(`Scope must be a uint32, got ${scope}.`)
  const bits = BigInt(RANGE_BITS)
  return BigInt(fieldIndex) + (min << 3n) + (max << (3n + bits)) + (scope << (3n + 2n * bits))
}

/**
 * Unpacks a statement public input.
 *
 * @example
 * import { unpackStatement } from '@caldera/privacy-zk'
 * const { fieldIndex, min, max, scope } = unpackStatement(statement)
 */
export function unpackStatement(statement: bigint): DisclosureStatement {
  check(inputSchemas.packedStatement, statement, 'packed statement')
  const bits = BigInt(RANGE_BITS)
  const mask = LIMIT - 1n
  if (statement < 0n || statement >= 1n << (3n + 2n * bits + 32n)) {
    throw new PrivacyError(`Not a packed statement: ${statement}.`)
  }
  return {
    fieldIndex: Number(statement & 7n),
    min: (statement >> 3n) & mask,
    max: (statement >> (3n + bits)) & mask,
    scope: statement >> (3n + 2n * bits),
  }
}
