import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { poseidon2 } from 'poseidon-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { preimageCircuit, weakCircuit } from '../../test/generated/circuits.js'
import { prove, terminateProver, verify } from '../exports/index.js'
import { readCircuitArtifacts } from '../exports/node.js'
import { checkR1cs, findUnconstrainedWires, parseR1cs } from './r1cs.js'
import { calculateWitness, decodeWitness, encodeWitness, proveWitness } from './witness.js'

const artifactsDir = fileURLToPath(new URL('../../test/artifacts', import.meta.url))
const r1csOf = (name: string) =>
  parseR1cs(new Uint8Array(readFileSync(join(artifactsDir, name, `${name}.r1cs`))))

afterAll(() => terminateProver())

describe('witness tools', () => {
  const secret = [5n, 6n]
  const input = { secret, hash: poseidon2(secret), tag: 3n }

  it('an honest witness satisfies every constraint; changing any wire breaks one', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: preimageCircuit, artifactsDir })
    const witness = await calculateWitness({ artifacts, input })
    const r1cs = r1csOf('preimage')
    expect(r1cs.constraints.length).toBe(preimageCircuit.constraints)
    expect(witness[0]).toBe(1n)
    expect(witness.slice(1, 3)).toEqual([input.hash, 3n])
    expect(checkR1cs({ r1cs, witness })).toEqual([])
    expect(findUnconstrainedWires({ r1cs, witness })).toEqual([])
    expect(decodeWitness(encodeWitness(witness))).toEqual(witness)
  })

  it('a proof from a tampered witness does not verify; an honest one does', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: preimageCircuit, artifactsDir })
    const witness = await calculateWitness({ artifacts, input })
    const vk = preimageCircuit.verificationKey
    const honest = await proveWitness({ artifacts, witness })
    expect(await verify({ verificationKey: vk, ...honest })).toBe(true)
    const tampered = [...witness]
    tampered[3] = tampered[3]! + 1n // first private input
    expect(checkR1cs({ r1cs: r1csOf('preimage'), witness: tampered }).length).toBeGreaterThan(0)
    const forged = await proveWitness({ artifacts, witness: tampered })
    expect(await verify({ verificationKey: vk, ...forged })).toBe(false)
  })

  it('reports a signal that can change while every constraint holds', async () => {
    const artifacts = await readCircuitArtifacts({ circuit: weakCircuit, artifactsDir })
    const input = { a: 2n, b: 3n, c: 6n, selector: 1n, slot: 9n }
    const witness = await calculateWitness({ artifacts, input })
    // wires: constant, c (public), a, b, selector, slot
    expect(witness.slice(0, 6)).toEqual([1n, 6n, 2n, 3n, 1n, 9n])
    expect(findUnconstrainedWires({ r1cs: r1csOf('weak'), witness })).toEqual([5])
    // Indeed any slot value proves the same public signals.
    const { proof, publicSignals } = await prove({ artifacts, input: { ...input, slot: 12345n } })
    expect(await verify({ verificationKey: weakCircuit.verificationKey, proof, publicSignals })).toBe(true)
  })
})
