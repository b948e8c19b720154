// Bundled by browser.test.ts for Chromium: proves and verifies a disclosure in the page, loading the
// artifacts over HTTP (SHA-256 checked with WebCrypto).
import {
  defineRecordSchema,
  generateKeyPair,
  NotarizationTree,
  openRecord,
  proveDisclosure,
  sealRecord,
  verifyDisclosure,
} from '../exports/index.js'

async function run() {
  const schema = defineRecordSchema({
    name: 'shipment',
    fields: {
      shipmentId: { type: 'string', privacy: 'public' },
      peakTemperature: { type: 'decimal', decimals: 2 },
    },
  })
  const owner = generateKeyPair()
  const { record, sealed } = sealRecord({
    schema,
    values: { shipmentId: 'SHP-WEB', peakTemperature: '6.5' },
    recipients: [owner.publicKey],
  })
  const tree = new NotarizationTree({ leaves: [11n, record.commitment] })
  const started = performance.now()
  const disclosure = await proveDisclosure({
    record,
    field: 'peakTemperature',
    range: { min: '2', max: '8' },
    merkleProof: tree.proof(1),
    scope: 1,
    artifacts: {
      wasm: '/artifacts/disclosure/disclosure.wasm',
      zkey: '/artifacts/disclosure/disclosure.zkey',
    },
  })
  const proveMs = performance.now() - started
  const claim = await verifyDisclosure({ ...disclosure, expected: { roots: [tree.root] } })
  let tampered = 'accepted'
  try {
    await verifyDisclosure({
      ...disclosure,
      publicSignals: [String(tree.root + 1n), String(disclosure.nullifier), String(disclosure.statement)],
    })
  } catch (error) {
    tampered = (error as Error).name
  }
  let badArtifact = 'accepted'
  try {
    await proveDisclosure({
      record,
      field: 'peakTemperature',
      range: { min: '2', max: '8' },
      merkleProof: tree.proof(1),
      scope: 2,
      artifacts: { wasm: '/artifacts/range/range.wasm', zkey: '/artifacts/disclosure/disclosure.zkey' },
    })
  } catch (error) {
    badArtifact = (error as Error).name
  }
  const opened = openRecord({ schema, sealed, privateKey: owner.privateKey })
  return {
    proveMs,
    root: String(claim.root),
    fieldIndex: claim.fieldIndex,
    tampered,
    badArtifact,
    peak: opened.values.peakTemperature,
  }
}

;(globalThis as { runDisclosure?: typeof run }).runDisclosure = run
