import { generateKeyPair } from '../crypto/keys.js'
import { sealRecord } from '../record/sealRecord.js'
import { defineRecordSchema } from '../schema/defineRecordSchema.js'
import { NotarizationTree } from '../tree/NotarizationTree.js'

/** Supply-chain record: a cold-chain shipment. */
export const shipmentSchema = defineRecordSchema({
  name: 'shipment',
  fields: {
    shipmentId: { type: 'string', privacy: 'public' },
    product: { type: 'string' },
    lowestTemperature: { type: 'decimal', decimals: 2 },
    peakTemperature: { type: 'decimal', decimals: 2 },
    departedAt: { type: 'timestamp' },
    carrier: { type: 'enum', values: ['NordFreight', 'ColdLine', 'AeroCool'] },
  },
})

/** Healthcare record: a patient's identity data. */
export const patientSchema = defineRecordSchema({
  name: 'patient',
  fields: {
    patientId: { type: 'string', privacy: 'public' },
    birthDate: { type: 'timestamp' },
    bloodType: { type: 'enum', values: ['A', 'B', 'AB', 'O'] },
  },
})

export const owner = generateKeyPair()
export const auditor = generateKeyPair()

/** A shipment sealed to the owner and the auditor, in a tree with a few other records. */
export function shipmentFixture(peakTemperature = '7.40') {
  const { record, sealed } = sealRecord({
    schema: shipmentSchema,
    values: {
      shipmentId: 'SHP-2041',
      product: 'insulin pens',
      lowestTemperature: '2.80',
      peakTemperature,
      departedAt: '2026-11-20T06:00:00Z',
      carrier: 'ColdLine',
    },
    recipients: [owner.publicKey],
    auditors: [auditor.publicKey],
  })
  const tree = new NotarizationTree()
  for (let i = 1n; i <= 10n; i++) tree.insert(i * 1_000_003n)
  const leafIndex = tree.insert(record.commitment)
  tree.insert(99n)
  return { record, sealed, tree, leafIndex }
}
