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
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { privacyCircuits } from '../circuitArtifacts.js'
import { type CircuitUnderTest, circuitUnderTest, onlyTouching, P } from '../test/circuitHarness.js'
import { type MerkleProof, NotarizationTree, TREE_DEPTH } from '../tree/NotarizationTree.js'

// Membership(7): public root; private leaf, leafIndex (21 bits: 3 per level), siblings[7][8].
const tree = new NotarizationTree()
for (let i = 1n; i <= 75n; i++) tree.insert(i * 7_919n + 13n)
const index = 69 // octal 105: a different slot at each of the first three levels
const honestProof = tree.proof(index)
const inputOf = (proof: MerkleProof, leafIndex: bigint = BigInt(proof.leafIndex)) => ({
  root: tree.root,
  leaf: proof.leaf,
  leafIndex,
  siblings: proof.siblings,
})
const digits = (i: number) => Array.from({ length: TREE_DEPTH }, (_, level) => Math.floor(i / 8 ** level) % 8)

let membership: CircuitUnderTest
beforeAll(async () => {
  membership = await circuitUnderTest('membership')
}, 60_000)
afterAll(() => terminateProver())

describe('membership circuit: every signal determined', () => {
  it('the only free signals are the ignored path slots of siblings, and they carry no meaning', async () => {
    const witness = await membership.witness(inputOf(honestProof))
    expect(checkWitness({ r1cs: membership.r1cs, witness })).toEqual([])
    const ignored = digits(index).map((slot, level) => membership.wire(`siblings[${level}][${slot}]`))
    expect(findFreeSignals({ r1cs: membership.r1cs, witness })).toEqual(
      ignored.map((wire) => ({ wire, delta: 1n, anyDelta: true })).sort((a, b) => a.wire - b.wire),
    )
    expect(findUnconstrainedWires({ r1cs: membership.r1cs, witness })).toEqual(
      [...ignored].sort((a, b) => a - b),
    )
    expect(publicWires(membership.r1cs)).toEqual([membership.wire('root')])
    expect(assertSignalsDetermined({ r1cs: membership.r1cs, witness, symbols: membership.symbols })).toBe(1)
    const all = Array.from({ length: membership.r1cs.nWires - 1 }, (_, i) => i + 1)
    expect(assertSignalsDetermined({ r1cs: membership.r1cs, witness, wires: all, ignore: ignored })).toBe(
      all.length - TREE_DEPTH,
    )
    // PlaceAt8 overwrites those slots with the path node: any values there give the same root.
    const scribbled = mutateWitness({
      witness,
      set: Object.fromEntries(ignored.map((wire, k) => [wire, 1_000_000n + BigInt(k)])),
    })
    expect(checkWitness({ r1cs: membership.r1cs, witness: scribbled })).toEqual([])
    for (const delta of [1n, -1n, 12345n])
      expect(
        checkWitness({
          r1cs: membership.r1cs,
          witness: mutateWitness({ witness, add: { [membership.wire('root')]: delta } }),
        }),
      ).not.toEqual([])
  })
})

describe('membership circuit: malicious witnesses', () => {
  it('a leaf that is not in the tree, with the real path: refused, and its proof fails', async () => {
    const { witness, failedAssertions } = await membership.forge(inputOf({ ...honestProof, leaf: 424242n }))
    expect(failedAssertions).toBe(1) // only the final root === tree.root
    const violated = checkWitness({ r1cs: membership.r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    const { proof, publicSignals } = await proveWitness({ artifacts: membership.artifacts, witness })
    expect(publicSignals).toEqual([String(tree.root)])
    const vk = privacyCircuits.membership.verificationKey
    expect(await verify({ verificationKey: vk, proof, publicSignals })).toBe(false)
    const honest = await proveWitness({
      artifacts: membership.artifacts,
      witness: await membership.witness(inputOf(honestProof)),
    })
    expect(await verify({ verificationKey: vk, ...honest })).toBe(true)
  })

  it('a wrong sibling, a wrong position and the path of another leaf are refused', async () => {
    const wrongSibling = honestProof.siblings.map((level) => [...level])
    wrongSibling[2]![(digits(index)[2]! + 1) % 8]! += 1n
    const other = tree.proof(12)
    for (const input of [
      inputOf({ ...honestProof, siblings: wrongSibling }),
      inputOf(honestProof, BigInt(index + 1)),
      inputOf({ ...other, leaf: honestProof.leaf }),
    ]) {
      const { witness, failedAssertions } = await membership.forge(input)
      expect(failedAssertions).toBe(1)
      expect(checkWitness({ r1cs: membership.r1cs, witness }).length).toBeGreaterThan(0)
    }
  })

  it('a leaf index beyond the tree (index + 8^7, same low bits) is refused by the index bit check alone', async () => {
    const honest = await membership.witness(inputOf(honestProof))
    const forged = await membership.forge(inputOf(honestProof, BigInt(index) + 8n ** 7n))
    expect(forged.failedAssertions).toBe(1)
    // The generator stopped at the index bits; the rest of the path is the honest one.
    const witness = mutateWitness({ witness: forged.witness, set: membership.copy('tree.', honest) })
    const violated = checkWitness({ r1cs: membership.r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(membership.r1cs, violated, membership.wires('index.'))).toBe(true)
  })

  it('index bits that are not boolean (2 and −1 keep their weighted sum) are refused', async () => {
    const witness = await membership.witness(inputOf(honestProof))
    const [b0, b1] = [membership.wire('index.out[0]'), membership.wire('index.out[1]')]
    expect([witness[b0], witness[b1]]).toEqual([1n, 0n]) // 69 = 0b1000101
    // Level 0 digit 5 = 1 + 0·2 + 1·4 becomes (1 + 2) + (0 − 1)·2 + 4: same number, non-boolean bits.
    const forged = mutateWitness({ witness, add: { [b0]: 2n, [b1]: -1n } })
    expect((forged[b0]! + 2n * forged[b1]!) % P).toBe(1n)
    const violated = checkWitness({ r1cs: membership.r1cs, witness: forged })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(membership.r1cs, violated, [b0, b1])).toBe(true)
  })
})
