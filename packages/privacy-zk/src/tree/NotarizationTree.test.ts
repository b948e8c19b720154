import fc from 'fast-check'
import { poseidon8 } from 'poseidon-lite'
import { describe, expect, it } from 'vitest'
import { NotarizationTreeError } from '../errors/privacy.js'
import { NotarizationTree, TREE_ARITY, verifyMerkleProof } from './NotarizationTree.js'

/** Root computed from scratch, level by level (reference for the incremental tree). */
function naiveRoot(leaves: readonly bigint[], depth: number): bigint {
  let level = [...leaves]
  let zero = 0n
  for (let d = 0; d < depth; d++) {
    const width = Math.max(1, Math.ceil(level.length / TREE_ARITY))
    const next: bigint[] = []
    for (let i = 0; i < width; i++) {
      next.push(poseidon8(Array.from({ length: TREE_ARITY }, (_, s) => level[i * TREE_ARITY + s] ?? zero)))
    }
    zero = poseidon8(Array.from({ length: TREE_ARITY }, () => zero))
    level = next
  }
  return level[0]!
}

describe('NotarizationTree', () => {
  it('has 8^7 = 2,097,152 leaves by default (more than a binary depth-20 tree)', () => {
    const tree = new NotarizationTree()
    expect(tree.depth).toBe(7)
    expect(tree.capacity).toBe(2_097_152)
    expect(tree.capacity).toBeGreaterThanOrEqual(2 ** 20)
    expect(tree.root).toBe(naiveRoot([], 7))
  })

  it('incremental roots equal roots computed from scratch, and every proof verifies (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 2n ** 250n }), { minLength: 1, maxLength: 80 }),
        (leaves) => {
          const tree = new NotarizationTree({ depth: 3 })
          for (const leaf of leaves) tree.insert(leaf)
          expect(tree.root).toBe(naiveRoot(leaves, 3))
          expect(new NotarizationTree({ depth: 3, leaves }).root).toBe(tree.root)
          for (const index of [0, leaves.length - 1, Math.floor(leaves.length / 2)]) {
            const proof = tree.proof(index)
            expect(verifyMerkleProof(proof)).toBe(true)
            expect(proof.siblings[0]![index % TREE_ARITY]).toBe(0n)
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('a wrong leaf, index, sibling or root fails verification (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 2n ** 250n }), { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (leaves, pick, slot) => {
          const tree = new NotarizationTree({ depth: 3 })
          for (const leaf of leaves) tree.insert(leaf)
          const index = pick % leaves.length
          const proof = tree.proof(index)
          expect(verifyMerkleProof({ ...proof, leaf: proof.leaf + 1n })).toBe(false)
          expect(verifyMerkleProof({ ...proof, root: proof.root + 1n })).toBe(false)
          const other = (index + 1) % leaves.length
          if (leaves[other] !== leaves[index])
            expect(verifyMerkleProof({ ...proof, leafIndex: other })).toBe(false)
          const level = slot % 3
          const s = (slot >> 2) % TREE_ARITY
          const own = Math.floor(index / TREE_ARITY ** level) % TREE_ARITY
          if (s !== own) {
            const siblings = proof.siblings.map((row) => [...row])
            siblings[level]![s] = siblings[level]![s]! + 1n
            expect(verifyMerkleProof({ ...proof, siblings })).toBe(false)
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('refuses to grow past its capacity and to prove a missing leaf', () => {
    const tree = new NotarizationTree({ depth: 1 })
    for (let i = 0; i < 8; i++) tree.insert(BigInt(i + 1))
    expect(() => tree.insert(9n)).toThrow(NotarizationTreeError)
    expect(() => tree.proof(8)).toThrow(/No leaf at index 8/)
    expect(tree.indexOf(3n)).toBe(2)
  })
})
