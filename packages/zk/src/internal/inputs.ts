import { parse } from '@caldera/core'
import { z } from 'zod'

// Schemas of the public boundaries that did not validate their input: each function checks its
// input with `check` first, so a hostile value is refused with a ValidationError naming the
// field instead of a TypeError further in. The schemas only check; the original value is used.

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: what })
const bytes = z.instanceof(Uint8Array, { message: 'bytes (a Uint8Array)' })
const path = z.string().min(1)
const source = z.union([bytes, z.instanceof(ArrayBuffer), z.instanceof(URL), path])
const circuit = z.looseObject({ name: z.string().min(1) })
const pin = z.looseObject({ name: z.string().min(1), wasmSha256: z.string(), zkeySha256: z.string() })
const artifacts = z.looseObject({ circuit: z.looseObject({}), wasm: bytes, zkey: bytes })
const input = z.record(z.string(), z.unknown())
// Arrays are checked by their shape only (witnesses and constraint lists are large and hot).
const bigints = z.custom<readonly bigint[]>(
  (v) => Array.isArray(v) && (v.length === 0 || typeof v[0] === 'bigint'),
  { message: 'an array of bigint' },
)
const list = z.custom<readonly unknown[]>((v) => Array.isArray(v), { message: 'an array' })
const r1cs = z.looseObject({
  prime: z.bigint().positive(),
  nWires: z.number().int().nonnegative(),
  constraints: list,
})
const witness = bigints
const proof = z.looseObject({
  pi_a: z.array(z.string()),
  pi_b: z.array(z.array(z.string())),
  pi_c: z.array(z.string()),
})
const signals = z.array(z.union([z.string(), z.bigint()]))

export const inputSchemas = {
  witnessOf: z.object({ artifacts, input }),
  checkR1cs: z.object({ r1cs, witness }),
  unconstrained: z.object({ r1cs, witness, delta: z.bigint().optional() }),
  contribute: z.object({
    zkey: path,
    out: path,
    name: z.string(),
    entropy: z.string().optional(),
    log: fn('a function (line) => void').optional(),
  }),
  verifyPhase2: z.object({
    r1cs: path,
    ptau: path,
    zkey: path,
    log: fn('a function (line) => void').optional(),
  }),
  bytes,
  witness,
  loadArtifact: z.object({ artifact: z.string(), source, sha256: z.string() }),
  loadCircuit: z.object({ circuit: pin, wasm: source, zkey: source }),
  prove: z.object({ artifacts, input }),
  proveWitness: z.object({ artifacts, witness }),
  calldata: z.object({ proof, publicSignals: signals }),
  verify: z.object({
    verificationKey: z.looseObject({ protocol: z.string() }),
    proof,
    publicSignals: signals,
  }),
  build: z.object({
    packageDir: path,
    config: path.optional(),
    only: z.array(z.string()).optional(),
    log: fn('a function (line) => void').optional(),
  }),
  checkArtifacts: z.looseObject({
    packageDir: path,
    config: path.optional(),
    verifyZkey: z.boolean().optional(),
  }),
  compile: z.looseObject({ packageDir: path, circuit, outDir: path.optional(), sym: z.boolean().optional() }),
  compileSymbols: z.object({ packageDir: path, circuit: z.union([z.string().min(1), circuit]) }),
  readFile: z.object({ path, sha256: z.string(), artifact: z.string().optional() }),
  readCircuit: z.looseObject({
    circuit: pin,
    artifactsDir: path,
    paths: z.object({ wasm: path.optional(), zkey: path.optional() }).optional(),
  }),
  circuitsConfig: z.tuple([path, path.optional()]),
  path,
  name: z.string().min(1),
  // Soundness tools
  signalsDetermined: z.object({
    r1cs: r1cs.extend({
      nPublicOutputs: z.number().int().nonnegative(),
      nPublicInputs: z.number().int().nonnegative(),
    }),
    witness,
    wires: z.array(z.number().int().nonnegative()).optional(),
    ignore: z.array(z.number().int().nonnegative()).optional(),
    symbols: list.optional(),
  }),
  unchecked: z.object({ wasm: bytes, input }),
  checkWitness: z.object({ r1cs, witness }),
  freeSignals: z.object({ r1cs, witness, wires: z.array(z.number().int().nonnegative()).optional() }),
  mutate: z.object({
    witness,
    set: z.record(z.string(), z.bigint()).optional(),
    add: z.record(z.string(), z.bigint()).optional(),
    prime: z.bigint().positive().optional(),
  }),
  symbolsText: z.string(),
  publicWires: z.looseObject({
    nPublicOutputs: z.number().int().nonnegative().max(1e7),
    nPublicInputs: z.number().int().nonnegative().max(1e7),
  }),
  symbols: z.array(z.looseObject({ name: z.string(), wire: z.number().int() })),
  wireOf: z.object({
    symbols: z.array(z.looseObject({ name: z.string(), wire: z.number().int() })),
    signal: z.string().min(1),
  }),
} as const

/** Validates `input` (the original value is used afterwards; the schemas only check). */
export function check(schema: z.ZodType, input: unknown, subject: string): void {
  parse(schema, input, subject)
}
