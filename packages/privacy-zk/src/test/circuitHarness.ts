// Test helper for the circuit soundness tests (src/soundness/): the committed r1cs, the hash-checked
// witness generator, and the symbol table of a fresh compile (checked to give the committed r1cs).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  type CircuitArtifacts,
  type CircuitInput,
  type CircuitSymbol,
  calculateWitness,
  calculateWitnessUnchecked,
  parseR1cs,
  type R1cs,
  wireOf,
} from '@caldera/zk'
import { compileCircuitSymbols, sha256File } from '@caldera/zk/node'
import { loadPrivacyArtifacts, type PrivacyCircuitName } from '../circuitArtifacts.js'

export const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n
const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const r1csPath = (name: string) => `${packageDir}/artifacts/${name}/${name}.r1cs`

export type CircuitUnderTest = {
  r1cs: R1cs
  artifacts: CircuitArtifacts
  symbols: CircuitSymbol[]
  /** Wire of a signal (`amount[2]`, `range.low.out[0]`). */
  wire: (signal: string) => number
  /** Live wires of every signal whose name starts with `main.<prefix>`. */
  wires: (prefix: string) => number[]
  /** `mutateWitness` entries giving the live bits `main.<prefix>[k]` (e.g. `range.high.out`) the bits of `value` mod p. */
  bits: (prefix: string, value: bigint) => Record<number, bigint>
  /** `mutateWitness` entries copying every live wire under `main.<prefix>` from another witness. */
  copy: (prefix: string, from: readonly bigint[]) => Record<number, bigint>
  /** The honest witness (throws when the input breaks an assertion). */
  witness: (input: CircuitInput) => Promise<bigint[]>
  /** The generator's witness past failed assertions. */
  forge: (input: CircuitInput) => Promise<{ witness: bigint[]; failedAssertions: number }>
}

/** The committed constraint system of a privacy circuit. */
export function committedR1cs(name: PrivacyCircuitName): R1cs {
  return parseR1cs(new Uint8Array(readFileSync(r1csPath(name))))
}

/** Loads a circuit for soundness tests; its symbols come from a compile that must reproduce the committed r1cs. */
export async function circuitUnderTest(name: PrivacyCircuitName): Promise<CircuitUnderTest> {
  const { symbols, r1csSha256 } = await compileCircuitSymbols({ packageDir, circuit: name })
  if (r1csSha256 !== sha256File(r1csPath(name)))
    throw new Error(
      `circuits/${name}.circom no longer compiles to the committed r1cs: rebuild the artifacts.`,
    )
  const artifacts = await loadPrivacyArtifacts({ circuit: name })
  return {
    r1cs: committedR1cs(name),
    artifacts,
    symbols,
    wire: (signal) => wireOf({ symbols, signal }),
    wires: (prefix) =>
      symbols.filter((s) => s.name.startsWith(`main.${prefix}`) && s.wire > 0).map((s) => s.wire),
    bits: (prefix, value) => {
      const v = ((value % P) + P) % P
      const entries: [number, bigint][] = []
      for (const s of symbols) {
        const k = s.name.startsWith(`main.${prefix}[`)
          ? /^\[(\d+)\]$/.exec(s.name.slice(prefix.length + 5))
          : null
        if (k && s.wire > 0) entries.push([s.wire, (v >> BigInt(k[1]!)) & 1n])
      }
      if (entries.length === 0) throw new Error(`No bits named main.${prefix}[k].`)
      return Object.fromEntries(entries)
    },
    copy: (prefix, from) =>
      Object.fromEntries(
        symbols
          .filter((s) => s.name.startsWith(`main.${prefix}`) && s.wire > 0)
          .map((s) => [s.wire, from[s.wire]!]),
      ),
    witness: (input) => calculateWitness({ artifacts, input }),
    forge: (input) => calculateWitnessUnchecked({ wasm: artifacts.wasm, input }),
  }
}

/** Whether every listed constraint involves one of the given wires (the violation is where expected). */
export function onlyTouching(r1cs: R1cs, constraints: readonly number[], wires: readonly number[]): boolean {
  const set = new Set(wires)
  return constraints.every((i) => r1cs.constraints[i]!.some((lc) => lc.some(([w]) => set.has(w))))
}
