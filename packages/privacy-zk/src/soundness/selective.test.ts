import {
  assertSignalsDetermined,
  checkWitness,
  findFreeSignals,
  findUnconstrainedWires,
  mutateWitness,
  proveWitness,
  publicWires,
  terminateProver,
  verify,
} from '@caldera/zk'
import { poseidon2, poseidon9 } from 'poseidon-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { privacyCircuits } from '../circuitArtifacts.js'
import { type CircuitUnderTest, circuitUnderTest, onlyTouching } from '../test/circuitHarness.js'

// SelectiveDisclosure: public recordCommitment, revealMask (8 bits), revealed[8]; private values, salts, binding.
const values = [101n, 202n, 303n, 404n, 505n, 606n, 707n, 808n]
const salts = values.map((v) => v * 1_000_003n + 17n)
const binding = 987_654_321n
const commitmentOf = (vs: readonly bigint[]) =>
  poseidon9([binding, ...vs.map((v, j) => poseidon2([v, salts[j]!]))])
const MASK = 0b1010_0110n // fields 1, 2, 5 and 7 disclosed
const inputOf = ({
  vs = values,
  mask = MASK,
  revealed,
}: {
  vs?: bigint[]
  mask?: bigint
  revealed?: bigint[]
} = {}) => ({
  recordCommitment: commitmentOf(values),
  revealMask: mask,
  revealed: revealed ?? vs.map((v, j) => ((mask >> BigInt(j)) & 1n ? v : 0n)),
  values: vs,
  salts,
  binding,
})

let selective: CircuitUnderTest
beforeAll(async () => {
  selective = await circuitUnderTest('selective')
}, 60_000)
afterAll(() => terminateProver())

describe('selective disclosure circuit: every signal determined', () => {
  it('no free signal at all; each of the 10 public signals is determined', async () => {
    const witness = await selective.witness(inputOf())
    expect(checkWitness({ r1cs: selective.r1cs, witness })).toEqual([])
    expect(findFreeSignals({ r1cs: selective.r1cs, witness })).toEqual([])
    expect(findUnconstrainedWires({ r1cs: selective.r1cs, witness })).toEqual([])
    expect(publicWires(selective.r1cs)).toEqual([
      selective.wire('recordCommitment'),
      selective.wire('revealMask'),
      ...values.map((_, j) => selective.wire(`revealed[${j}]`)),
    ])
    expect(assertSignalsDetermined({ r1cs: selective.r1cs, witness, symbols: selective.symbols })).toBe(10)
    for (const wire of publicWires(selective.r1cs))
      for (const delta of [1n, -1n, 256n])
        expect(
          checkWitness({ r1cs: selective.r1cs, witness: mutateWitness({ witness, add: { [wire]: delta } }) }),
        ).not.toEqual([])
  })
})

describe('selective disclosure circuit: malicious witnesses', () => {
  it('a revealed value that differs from the committed one is refused, and its proof fails', async () => {
    // Field 7 is the last one the generator checks: the rest of the witness is complete.
    const revealed = inputOf().revealed
    revealed[7] = 999n
    const { witness, failedAssertions } = await selective.forge(inputOf({ revealed }))
    expect(failedAssertions).toBe(1)
    const violated = checkWitness({ r1cs: selective.r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(selective.r1cs, violated, [selective.wire('revealed[7]')])).toBe(true)
    const vk = privacyCircuits.selective.verificationKey
    const forgedProof = await proveWitness({ artifacts: selective.artifacts, witness })
    expect(forgedProof.publicSignals[2 + 7]).toBe('999')
    expect(await verify({ verificationKey: vk, ...forgedProof })).toBe(false)
    const honest = await proveWitness({
      artifacts: selective.artifacts,
      witness: await selective.witness(inputOf()),
    })
    expect(await verify({ verificationKey: vk, ...honest })).toBe(true)
  })

  it('a hidden field leaked through revealed, and a different value revealed consistently, are refused', async () => {
    const honest = await selective.witness(inputOf())
    // Field 0 is not disclosed: its revealed slot must stay 0.
    const leaked = mutateWitness({ witness: honest, set: { [selective.wire('revealed[0]')]: values[0]! } })
    expect(
      onlyTouching(selective.r1cs, checkWitness({ r1cs: selective.r1cs, witness: leaked }), [
        selective.wire('revealed[0]'),
      ]),
    ).toBe(true)
    expect(checkWitness({ r1cs: selective.r1cs, witness: leaked })).not.toEqual([])
    // Field 5 disclosed as 555 with values[5] = 555 too: the record commitment no longer matches.
    const vs = [...values]
    vs[5] = 555n
    const { witness, failedAssertions } = await selective.forge(inputOf({ vs }))
    expect(failedAssertions).toBe(1) // recordCommitment === record.out
    expect(witness[selective.wire('revealed[5]')]).toBe(555n)
    expect(checkWitness({ r1cs: selective.r1cs, witness }).length).toBeGreaterThan(0)
  })

  it('mask bits that are not boolean (swapping which fields are disclosed) are refused', async () => {
    const honest = await selective.witness(inputOf())
    const [m0, m1] = [selective.wire('mask.out[0]'), selective.wire('mask.out[1]')]
    expect([honest[m0], honest[m1]]).toEqual([0n, 1n])
    // 0·1 + 1·2 = 2·1 + 0·2: the mask keeps its value, but field 0 (hidden) would be "revealed" as
    // 2·values[0] and field 1 (disclosed) hidden. Every other constraint is kept.
    const forged = mutateWitness({
      witness: honest,
      set: {
        [m0]: 2n,
        [m1]: 0n,
        [selective.wire('revealed[0]')]: 2n * values[0]!,
        [selective.wire('revealed[1]')]: 0n,
      },
    })
    const violated = checkWitness({ r1cs: selective.r1cs, witness: forged })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(selective.r1cs, violated, selective.wires('mask.'))).toBe(true)
  })

  it('a mask above 8 bits (same low byte) is refused by the mask bit check alone', async () => {
    const honest = await selective.witness(inputOf())
    const forged = await selective.forge(inputOf({ mask: MASK + 256n, revealed: inputOf().revealed }))
    expect(forged.failedAssertions).toBe(1)
    // The generator stopped at the mask bits: the commitments are the honest ones.
    const witness = mutateWitness({
      witness: forged.witness,
      set: { ...selective.copy('c[', honest), ...selective.copy('record.', honest) },
    })
    const violated = checkWitness({ r1cs: selective.r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(selective.r1cs, violated, selective.wires('mask.'))).toBe(true)
  })
})
