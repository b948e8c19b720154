import { type Groth16Proof, prove, verify } from '@caldera/zk'
import { type ArtifactsOption, loadPrivacyArtifacts, privacyCircuits } from '../circuitArtifacts.js'
import { DisclosureRejectedError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { OpenRecord } from '../record/types.js'
import type { RecordSchema } from '../schema/defineRecordSchema.js'
import { getField } from '../schema/encodeField.js'
import { MAX_FIELDS } from '../schema/fieldTypes.js'

export type SelectiveDisclosureProof = {
  proof: Groth16Proof
  /** `[recordCommitment, revealMask, revealed[0..7]]`. */
  publicSignals: string[]
  recordCommitment: bigint
  /** Disclosed encodings by field name. */
  revealed: Record<string, bigint>
}

/**
 * Discloses the chosen fields of a record and proves that they, and every undisclosed field, are
 * committed in the record commitment (salts stay private).
 *
 * @example
 * import { proveSelectiveDisclosure } from '@caldera/privacy-zk'
 * const { revealed } = await proveSelectiveDisclosure({ record, fields: ['shipmentId', 'origin'] })
 */
export async function proveSelectiveDisclosure(parameters: {
  record: OpenRecord
  fields: readonly string[]
  artifacts?: ArtifactsOption
}): Promise<SelectiveDisclosureProof> {
  check(inputSchemas.proveSelectiveDisclosure, parameters, 'selective disclosure')
  const { record, fields, artifacts } = parameters
  const indexes = fields.map((name) => getField(record.schema, name).index)
  const mask = indexes.reduce((m, i) => m | (1 << i), 0)
  const values = Array.from({ length: MAX_FIELDS }, (_, i) => record.encoded[i] ?? 0n)
  const revealedSlots = values.map((v, i) => (mask & (1 << i) ? v : 0n))
  const loaded = await loadPrivacyArtifacts({ circuit: 'selective', artifacts })
  const { proof, publicSignals } = await prove({
    artifacts: loaded,
    input: {
      recordCommitment: record.commitment,
      revealMask: BigInt(mask),
      revealed: revealedSlots,
      values,
      salts: record.salts,
      binding: record.binding,
    },
  })
  return {
    proof,
    publicSignals,
    recordCommitment: record.commitment,
    revealed: Object.fromEntries(fields.map((name, k) => [name, values[indexes[k]!]!])),
  }
}

/**
 * Verifies a selective disclosure against the expected record commitment and returns the disclosed
 * encodings by field name.
 *
 * @throws DisclosureRejectedError
 * @example
 * import { verifySelectiveDisclosure } from '@caldera/privacy-zk'
 * const revealed = await verifySelectiveDisclosure({ schema, proof, publicSignals, recordCommitment })
 */
export async function verifySelectiveDisclosure(parameters: {
  schema: RecordSchema
  proof: Groth16Proof
  publicSignals: readonly (string | bigint)[]
  recordCommitment: bigint
}): Promise<Record<string, bigint>> {
  check(inputSchemas.verifySelectiveDisclosure, parameters, 'selective disclosure check')
  const { schema, proof, publicSignals, recordCommitment } = parameters
  const ok = await verify({
    verificationKey: privacyCircuits.selective.verificationKey,
    proof,
    publicSignals,
  })
  if (!ok) throw new DisclosureRejectedError('The selective disclosure proof is invalid.')
  const signals = publicSignals.map((s) => BigInt(s))
  if (signals[0] !== recordCommitment) throw new DisclosureRejectedError('The proof is about another record.')
  const mask = Number(signals[1])
  return Object.fromEntries(
    schema.fields.filter((f) => mask & (1 << f.index)).map((f) => [f.name, signals[2 + f.index]!]),
  )
}
