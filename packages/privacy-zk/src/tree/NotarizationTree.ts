import { poseidon8 } from 'poseidon-lite'
import { NotarizationTreeError } from '../errors/privacy.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** Children per node of the notarization tree. */
export const TREE_ARITY = 8
/** Default depth: 8^7 = 2,097,152 leaves (more than a binary depth-20 tree's 1,048,576). */
export const TREE_DEPTH = 7

/** A membership path: for each level the 8 children (the path's own slot set to 0) and the leaf index. */
export type MerkleProof = {
  leaf: bigint
  leafIndex: number
  /** `siblings[level][slot]`, bottom level first; the slot on the path is 0 (ignored by the circuits). */
  siblings: bigint[][]
  root: bigint
}

const zeroCache: bigint[] = [0n]
function zeros(depth: number): bigint[] {
  while (zeroCache.length <= depth) {
    const z = zeroCache[zeroCache.length - 1]!
    zeroCache.push(poseidon8(Array.from({ length: TREE_ARITY }, () => z)))
  }
  return zeroCache.slice(0, depth + 1)
}

/**
 * Incremental Poseidon Merkle tree of record commitments (arity 8, depth 7 by default). Appending
 * a leaf rehashes one path (7 Poseidon hashes); empty leaves are 0. The root after each batch is
 * what `notarizeRoot` stores on chain.
 *
 * @example
 * import { NotarizationTree } from '@caldera/privacy-zk'
 * const tree = new NotarizationTree()
 * const index = tree.insert(record.commitment)
 * const merkleProof = tree.proof(index)
 */
export class NotarizationTree {
  readonly depth: number
  readonly capacity: number
  /** `levels[0]` are the leaves; `levels[depth]` holds the root. */
  private readonly levels: bigint[][]
  private readonly zero: bigint[]

  constructor(options: { depth?: number; leaves?: readonly bigint[] } = {}) {
    check(inputSchemas.tree, options, 'NotarizationTree options')
    const { depth = TREE_DEPTH, leaves = [] } = options
    if (!Number.isInteger(depth) || depth < 1 || depth > 10) {
      throw new NotarizationTreeError(`Tree depth must be an integer in [1, 10], got ${depth}.`)
    }
    this.depth = depth
    this.capacity = TREE_ARITY ** depth
    this.zero = zeros(depth)
    this.levels = Array.from({ length: depth + 1 }, () => [])
    for (const leaf of leaves) this.insert(leaf)
  }

  /** Number of leaves appended. */
  get size(): number {
    return this.levels[0]!.length
  }

  /** Current root (the empty tree's root when no leaf was appended). */
  get root(): bigint {
    return this.levels[this.depth]![0] ?? this.zero[this.depth]!
  }

  /** The leaves, in insertion order. */
  get leaves(): readonly bigint[] {
    return this.levels[0]!
  }

  /** Appends a leaf and returns its index. */
  insert(leaf: bigint): number {
    const index = this.size
    if (index >= this.capacity) throw new NotarizationTreeError(`The tree is full (${this.capacity} leaves).`)
    this.levels[0]!.push(leaf)
    let position = index
    for (let level = 0; level < this.depth; level++) {
      const parent = Math.floor(position / TREE_ARITY)
      const children = this.children(level, parent)
      this.levels[level + 1]![parent] = poseidon8(children)
      position = parent
    }
    return index
  }

  /** Index of a leaf, or -1. */
  indexOf(leaf: bigint): number {
    return this.levels[0]!.indexOf(leaf)
  }

  /** Membership proof of the leaf at `index` against the current root. */
  proof(index: number): MerkleProof {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new NotarizationTreeError(`No leaf at index ${index} (size ${this.size}).`)
    }
    const siblings: bigint[][] = []
    let position = index
    for (let level = 0; level < this.depth; level++) {
      const children = this.children(level, Math.floor(position / TREE_ARITY))
      children[position % TREE_ARITY] = 0n
      siblings.push(children)
      position = Math.floor(position / TREE_ARITY)
    }
    return { leaf: this.levels[0]![index]!, leafIndex: index, siblings, root: this.root }
  }

  private children(level: number, parent: number): bigint[] {
    const nodes = this.levels[level]!
    return Array.from(
      { length: TREE_ARITY },
      (_, slot) => nodes[parent * TREE_ARITY + slot] ?? this.zero[level]!,
    )
  }
}

/**
 * Recomputes the root of a membership proof (what the circuits do) and compares it.
 *
 * @example
 * import { verifyMerkleProof } from '@caldera/privacy-zk'
 * verifyMerkleProof(tree.proof(0)) // true
 */
export function verifyMerkleProof(options: MerkleProof): boolean {
  check(inputSchemas.merkleProof, options, 'Merkle proof')
  const { leaf, leafIndex, siblings, root } = options
  let node = leaf
  let position = leafIndex
  for (const level of siblings) {
    if (level.length !== TREE_ARITY) return false
    const children = [...level]
    children[position % TREE_ARITY] = node
    node = poseidon8(children)
    position = Math.floor(position / TREE_ARITY)
  }
  return position === 0 && node === root
}
