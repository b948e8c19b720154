import type { CircuitArtifacts, CircuitInput, Groth16Proof } from '../artifacts/types.js'
import { ProofGenerationError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { groth16 } from '../internal/snarkjs.js'
import { calculateWitnessBytes } from '../internal/witnessCalculator.js'
import { readLE, readSections, writeLE } from './binfile.js'

/** BN254 scalar field order. */
const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

/**
 * Decodes a `.wtns` file into its wire values (wire 0 is the constant 1).
 *
 * @example
 * import { decodeWitness } from '@caldera/zk'
 * const wires = decodeWitness(wtnsBytes)
 */
export function decodeWitness(bytes: Uint8Array): bigint[] {
  check(inputSchemas.bytes, bytes, 'witness bytes')
  const sections = readSections(bytes, 'wtns')
  const header = sections.get(1)!
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n8 = view.getUint32(header.start, true)
  const count = view.getUint32(header.start + 4 + n8, true)
  const data = sections.get(2)!
  return Array.from({ length: count }, (_, i) => readLE(bytes, data.start + i * n8, n8))
}

/**
 * Encodes wire values as a `.wtns` file (BN254).
 *
 * @example
 * import { encodeWitness } from '@caldera/zk'
 * const bytes = encodeWitness(witness)
 */
export function encodeWitness(witness: readonly bigint[]): Uint8Array {
  check(inputSchemas.witness, witness, 'witness')
  const n8 = 32
  const headerSize = 4 + n8 + 4
  const dataSize = n8 * witness.length
  const out = new Uint8Array(12 + 12 + headerSize + 12 + dataSize)
  const view = new DataView(out.buffer)
  out.set([0x77, 0x74, 0x6e, 0x73]) // "wtns"
  view.setUint32(4, 2, true)
  view.setUint32(8, 2, true)
  let o = 12
  view.setUint32(o, 1, true)
  view.setBigUint64(o + 4, BigInt(headerSize), true)
  view.setUint32(o + 12, n8, true)
  writeLE(out, o + 16, n8, R)
  view.setUint32(o + 16 + n8, witness.length, true)
  o += 12 + headerSize
  view.setUint32(o, 2, true)
  view.setBigUint64(o + 4, BigInt(dataSize), true)
  witness.forEach((w, i) => {
    writeLE(out, o + 12 + i * n8, n8, ((w % R) + R) % R)
  })
  return out
}

/**
 * Computes the full witness (every wire value) of an input. Throws `ProofGenerationError` when an
 * assertion of the circuit fails.
 *
 * @example
 * import { calculateWitness } from '@caldera/zk'
 * const witness = await calculateWitness({ artifacts, input })
 */
export async function calculateWitness(options: {
  artifacts: CircuitArtifacts
  input: CircuitInput
}): Promise<bigint[]> {
  check(inputSchemas.witnessOf, options, 'calculateWitness options')
  const { artifacts, input } = options
  try {
    return decodeWitness(await calculateWitnessBytes(artifacts.wasm, input as Record<string, unknown>))
  } catch (cause) {
    throw new ProofGenerationError({ circuit: artifacts.circuit.name }, { cause })
  }
}

/**
 * Proves from a given witness without checking it (for soundness tests: a witness that violates a
 * constraint yields a proof that does not verify).
 *
 * @example
 * import { proveWitness } from '@caldera/zk'
 * const { proof, publicSignals } = await proveWitness({ artifacts, witness })
 */
export async function proveWitness(options: {
  artifacts: CircuitArtifacts
  witness: readonly bigint[]
}): Promise<{ proof: Groth16Proof; publicSignals: string[] }> {
  check(inputSchemas.proveWitness, options, 'proveWitness options')
  const { artifacts, witness } = options
  return groth16.prove({ type: 'mem', data: artifacts.zkey }, { type: 'mem', data: encodeWitness(witness) })
}
