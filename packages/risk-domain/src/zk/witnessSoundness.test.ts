import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  assertSignalsDetermined,
  type CircuitArtifacts,
  type CircuitSymbol,
  calculateWitness,
  calculateWitnessUnchecked,
  checkWitness,
  findFreeSignals,
  findUnconstrainedWires,
  mutateWitness,
  parseR1cs,
  parseSymbols,
  proveWitness,
  publicWires,
  type R1cs,
  terminateProver,
  verify,
  wireOf,
} from '@caldera/zk'
import { compileCircuit, compileCircuitSymbols, sha256File } from '@caldera/zk/node'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBatchCircuitArtifacts } from '../node/readBatchCircuitArtifacts.js'
import { batchCommitmentCircuit } from './circuits.js'

// BatchCommitment(8, 128): output root; public sourceDomain, batchNonce, cap, total and the 8
// messages (destination, senderNonce, recipient, amount). Every malicious witness below is built
// from the circuit's own witness generator, then completed so that it breaks exactly one property.
const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n
const N = 8
const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const r1csPath = join(packageDir, 'artifacts/batchCommitment/batchCommitment.r1cs')
const CAP = 1_000_000n * 10n ** 6n
const amounts = [5n, 250_000n * 10n ** 6n, 0n, 999_999n * 10n ** 6n, CAP, 17n, 1n, 42n * 10n ** 6n]
const inputOf = ({
  amount = amounts,
  cap = CAP,
  total,
}: {
  amount?: bigint[]
  cap?: bigint
  total?: bigint
} = {}) => ({
  sourceDomain: 0x1234_5678n,
  batchNonce: 7n,
  cap,
  total: total ?? amount.reduce((s, a) => (s + a) % P, 0n),
  destination: amount.map((_, i) => 0xd000n + BigInt(i)),
  senderNonce: amount.map((_, i) => (0xabcdefn << 64n) + BigInt(i)),
  recipient: amount.map((_, i) => 0xbeef_0000n + BigInt(i)),
  amount,
})

// Poseidon leaves and root without any check: computes the hashes of messages the real circuit's
// generator refuses (a negative amount), to complete a forged witness by signal name.
const RELAXED = `pragma circom 2.1.9;
include "circomlib/circuits/poseidon.circom";
template RelaxedBatch(N) {
    signal input sourceDomain;
    signal input destination[N];
    signal input senderNonce[N];
    signal input recipient[N];
    signal input amount[N];
    signal output root;
    component leaf[N];
    component tree = Poseidon(N);
    for (var i = 0; i < N; i++) {
        leaf[i] = Poseidon(5);
        leaf[i].inputs[0] <== sourceDomain;
        leaf[i].inputs[1] <== destination[i];
        leaf[i].inputs[2] <== senderNonce[i];
        leaf[i].inputs[3] <== recipient[i];
        leaf[i].inputs[4] <== amount[i];
        tree.inputs[i] <== leaf[i].out;
    }
    root <== tree.out;
}
`

let r1cs: R1cs
let artifacts: CircuitArtifacts
let symbols: CircuitSymbol[]
let relaxed: { wasm: Uint8Array; symbols: CircuitSymbol[] }
const tmp = mkdtempSync(join(tmpdir(), 'caldera-risk-relaxed-'))
const wire = (signal: string) => wireOf({ symbols, signal })
const wires = (prefix: string) =>
  symbols.filter((s) => s.name.startsWith(`main.${prefix}`) && s.wire > 0).map((s) => s.wire)
const bits = (prefix: string, value: bigint) =>
  Object.fromEntries(
    symbols
      .filter(
        (s) =>
          s.wire > 0 && new RegExp(`^main\\.${prefix.replace(/[[\].]/g, '\\$&')}\\[\\d+\\]$`).test(s.name),
      )
      .map((s) => [s.wire, ((((value % P) + P) % P) >> BigInt(/\[(\d+)\]$/.exec(s.name)![1]!)) & 1n]),
  )
const onlyTouching = (violated: readonly number[], touched: readonly number[]) => {
  const set = new Set(touched)
  return violated.every((i) => r1cs.constraints[i]!.some((lc) => lc.some(([w]) => set.has(w))))
}

beforeAll(async () => {
  r1cs = parseR1cs(new Uint8Array(readFileSync(r1csPath)))
  artifacts = await readBatchCircuitArtifacts()
  mkdirSync(join(tmp, 'circuits'))
  writeFileSync(join(tmp, 'circuits', 'relaxed.circom'), RELAXED)
  const [compiled, out] = await Promise.all([
    compileCircuitSymbols({ packageDir, circuit: 'batchCommitment' }),
    compileCircuit({
      packageDir: tmp,
      circuit: {
        name: 'relaxed',
        file: 'circuits/relaxed.circom',
        template: 'RelaxedBatch',
        params: [N],
        publicInputs: [],
      },
      outDir: join(tmp, 'build'),
      sym: true,
    }),
  ])
  expect(compiled.r1csSha256).toBe(sha256File(r1csPath)) // the symbols describe the committed r1cs
  symbols = compiled.symbols
  relaxed = {
    wasm: new Uint8Array(readFileSync(out.wasmPath)),
    symbols: parseSymbols(readFileSync(out.symPath!, 'utf8')),
  }
}, 60_000)
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true })
  await terminateProver()
})

describe('batchCommitment circuit: every signal determined', () => {
  it('the only free signals are two benign ones: the nonce up to its sign and a widened cap', async () => {
    const input = inputOf()
    const witness = await calculateWitness({ artifacts, input })
    expect(checkWitness({ r1cs, witness })).toEqual([])
    expect(findUnconstrainedWires({ r1cs, witness })).toEqual([])
    const pub = publicWires(r1cs)
    expect(pub).toHaveLength(batchCommitmentCircuit.verificationKey.nPublic)
    expect(pub.slice(0, 5)).toEqual(['root', 'sourceDomain', 'batchNonce', 'cap', 'total'].map(wire))
    // Exact over the field, every wire of the circuit: two single-signal changes keep every constraint.
    expect(findFreeSignals({ r1cs, witness })).toEqual([
      // nonceSquare = batchNonce² also holds for −batchNonce.
      { wire: wire('batchNonce'), delta: P - 2n * input.batchNonce, anyDelta: false },
      // The compiler substituted the top bits of capBits and of every cap check away: cap + 2^127
      // flips them implicitly, a weaker statement (a higher cap) implied by the honest one.
      { wire: wire('cap'), delta: 2n ** 127n, anyDelta: false },
    ])
    // Neither weakens what a verifier accepts: Groth16 binds every public input to the proof, so
    // an honest proof for nonce n does not verify for p − n, and a higher cap is a weaker claim.
    const honest = await proveWitness({ artifacts, witness })
    const vk = batchCommitmentCircuit.verificationKey
    expect(await verify({ verificationKey: vk, ...honest })).toBe(true)
    const negated = [...honest.publicSignals]
    negated[2] = String(P - input.batchNonce)
    expect(await verify({ verificationKey: vk, proof: honest.proof, publicSignals: negated })).toBe(false)
    // Every other signal, internal ones included, is determined.
    const all = Array.from({ length: r1cs.nWires - 1 }, (_, i) => i + 1)
    expect(
      assertSignalsDetermined({
        r1cs,
        witness,
        wires: all,
        ignore: [wire('batchNonce'), wire('cap')],
        symbols,
      }),
    ).toBe(all.length - 2)
    // And concretely: each of the 37 public signals changed alone, by several amounts, breaks a constraint.
    let mutated = 0
    for (const w of pub)
      for (const delta of [1n, -1n, 1n << 128n]) {
        expect(checkWitness({ r1cs, witness: mutateWitness({ witness, add: { [w]: delta } }) })).not.toEqual(
          [],
        )
        mutated++
      }
    expect(mutated).toBe(37 * 3)
  })
})

describe('batchCommitment circuit: malicious witnesses', () => {
  it('an amount over the cap is refused by that message’s cap check alone', async () => {
    const over = [...amounts]
    over[5] = CAP + 1n
    // Computed under a cap the amounts fit (the cap is not hashed), then claimed under the real cap.
    const { witness: base, failedAssertions } = await calculateWitnessUnchecked({
      wasm: artifacts.wasm,
      input: inputOf({ amount: over, cap: 2n ** 128n - 1n }),
    })
    expect(failedAssertions).toBe(0)
    const set: Record<number, bigint> = { [wire('cap')]: CAP, ...bits('capBits.out', CAP) }
    for (let i = 0; i < N; i++)
      Object.assign(set, bits(`underCap[${i}].lt.n2b.out`, over[i]! + 2n ** 128n - CAP - 1n))
    const witness = mutateWitness({ witness: base, set })
    const violated = checkWitness({ r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(violated, wires('underCap[5].'))).toBe(true)
    // Its proof does not verify.
    const { proof, publicSignals } = await proveWitness({ artifacts, witness })
    expect(publicSignals[3]).toBe(String(CAP))
    expect(
      await verify({ verificationKey: batchCommitmentCircuit.verificationKey, proof, publicSignals }),
    ).toBe(false)
  })

  it('property: the r1cs accepts a batch under a claimed cap exactly when no amount exceeds it', async () => {
    const amount = fc.bigInt({ min: 0n, max: 2n ** 128n - 1n })
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(amount, fc.bigInt({ min: 0n, max: 2n ** 20n })), { minLength: N, maxLength: N }),
        fc.oneof(amount, fc.bigInt({ min: 0n, max: 2n ** 20n })),
        async (batch, cap) => {
          const { witness: base } = await calculateWitnessUnchecked({
            wasm: artifacts.wasm,
            input: inputOf({ amount: batch, cap: 2n ** 128n - 1n }),
          })
          const set: Record<number, bigint> = { [wire('cap')]: cap, ...bits('capBits.out', cap) }
          for (let i = 0; i < N; i++)
            Object.assign(set, bits(`underCap[${i}].lt.n2b.out`, batch[i]! + 2n ** 128n - cap - 1n))
          const violated = checkWitness({ r1cs, witness: mutateWitness({ witness: base, set }) })
          return (violated.length === 0) === batch.every((a) => a <= cap)
        },
      ),
      { numRuns: 25, seed: 3 },
    )
  })

  it('wrap-around: a negative amount (p − d) that keeps the total passes the cap check and is refused by the amount bits', async () => {
    // Message 6 takes 51 M more (still under the cap), message 7 carries −9 M = p − 9,000,000.
    const moved = 51n * 10n ** 6n
    const forgedAmounts = [...amounts]
    forgedAmounts[6] = amounts[6]! + moved
    forgedAmounts[7] = amounts[7]! - moved + P
    expect(forgedAmounts[7]).toBe(P - 9n * 10n ** 6n)
    expect(forgedAmounts.reduce((s, a) => (s + a) % P, 0n)).toBe(amounts.reduce((s, a) => s + a, 0n))
    expect(forgedAmounts[7]! > CAP).toBe(true) // as an integer, far above the cap
    // The generator stops at amountBits[7]; complete the leaf, tree and root with the real hashes.
    const forged = await calculateWitnessUnchecked({
      wasm: artifacts.wasm,
      input: inputOf({ amount: forgedAmounts }),
    })
    expect(forged.failedAssertions).toBeGreaterThan(0)
    const hashes = await calculateWitnessUnchecked({
      wasm: relaxed.wasm,
      input: (({ sourceDomain, destination, senderNonce, recipient, amount }) => ({
        sourceDomain,
        destination,
        senderNonce,
        recipient,
        amount,
      }))(inputOf({ amount: forgedAmounts })),
    })
    const relaxedWire = new Map(relaxed.symbols.filter((s) => s.wire > 0).map((s) => [s.name, s.wire]))
    const set: Record<number, bigint> = {}
    for (const s of symbols.filter((s) => s.wire > 0 && /^main\.(leaf\[7\]\.|tree\.|root$)/.test(s.name))) {
      const from = relaxedWire.get(s.name)
      expect(from, s.name).toBeDefined()
      set[s.wire] = hashes.witness[from!]!
    }
    // The cap check of message 7 holds for p − 49,000,001: in[0] + 2^128 − cap − 1 wraps below 2^128.
    Object.assign(set, bits('underCap[7].lt.n2b.out', forgedAmounts[7]! + 2n ** 128n - CAP - 1n))
    expect(((forgedAmounts[7]! + 2n ** 128n - CAP - 1n) % P) >> 128n).toBe(0n)
    const witness = mutateWitness({ witness: forged.witness, set })
    const violated = checkWitness({ r1cs, witness })
    expect(violated.length).toBeGreaterThan(0)
    expect(onlyTouching(violated, wires('amountBits[7].'))).toBe(true)
    expect(onlyTouching(violated, wires('underCap[7].'))).toBe(false)
  })

  it('a declared total that differs from the sum is refused by the sum constraint alone', async () => {
    const honest = await calculateWitness({ artifacts, input: inputOf() })
    const trueTotal = amounts.reduce((s, a) => s + a, 0n)
    for (const total of [trueTotal + 1n, trueTotal - 1n, trueTotal + P - 2n ** 130n]) {
      const forged = await calculateWitnessUnchecked({ wasm: artifacts.wasm, input: inputOf({ total }) })
      expect(forged.failedAssertions).toBe(1)
      // The generator stops at total === sum, before the root assignment: complete the root.
      const witness = mutateWitness({
        witness: forged.witness,
        set: { [wire('root')]: honest[wire('root')]! },
      })
      const violated = checkWitness({ r1cs, witness })
      expect(violated.length).toBeGreaterThan(0)
      expect(onlyTouching(violated, [wire('total')])).toBe(true)
    }
  })

  it('a message that is not in the root (changed recipient, amount or order) is refused; its proof fails', async () => {
    const honest = await calculateWitness({ artifacts, input: inputOf() })
    const root = honest[wire('root')]!
    const changed = [
      { ...inputOf(), recipient: inputOf().recipient.map((r, i) => (i === 3 ? r + 1n : r)) },
      inputOf({ amount: amounts.map((a, i) => (i === 0 ? a + 1n : i === 1 ? a - 1n : a)) }), // same total
      { ...inputOf(), destination: [...inputOf().destination].reverse() },
    ]
    for (const input of changed) {
      const other = await calculateWitness({ artifacts, input })
      expect(other[wire('root')]).not.toBe(root)
      const witness = mutateWitness({ witness: other, set: { [wire('root')]: root } })
      expect(checkWitness({ r1cs, witness }).length).toBeGreaterThan(0)
    }
    const witness = mutateWitness({
      witness: await calculateWitness({ artifacts, input: changed[0]! }),
      set: { [wire('root')]: root },
    })
    const { proof, publicSignals } = await proveWitness({ artifacts, witness })
    expect(publicSignals[0]).toBe(String(root))
    expect(
      await verify({ verificationKey: batchCommitmentCircuit.verificationKey, proof, publicSignals }),
    ).toBe(false)
  })
})
