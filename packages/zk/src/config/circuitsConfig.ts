import { z } from 'zod'

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a circom identifier')

/** One circuit of a package's `circuits/circuits.json`. */
export const circuitConfigSchema = z.object({
  /** Artifact name: lower camelCase, e.g. `disclosure`; the verifier is `<Name>Groth16Verifier`. */
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'lower camelCase'),
  /** The `.circom` file holding the template, relative to the package folder. */
  file: z.string().endsWith('.circom'),
  /** Template instantiated as `main`. */
  template: identifier,
  /** Template parameters (integers). */
  params: z.array(z.number().int()).default([]),
  /** Input signals made public, in order. */
  publicInputs: z.array(identifier).default([]),
  /** One sentence: what the circuit proves. */
  description: z.string().optional(),
})

/** A package's `circuits/circuits.json`: every circuit it builds and where the outputs go. */
export const circuitsConfigSchema = z.object({
  /** Powers-of-tau file relative to the package folder; default: `@caldera/zk`'s 2^14 dev file. */
  ptau: z.string().optional(),
  /** Folder (relative to the package) receiving `<Name>Groth16Verifier.sol`; omit to skip. */
  verifierDir: z.string().optional(),
  /** Folder for `.wasm`, `.zkey`, `.r1cs`, verification key and `manifest.json`. */
  artifactsDir: z.string().default('artifacts'),
  /** TypeScript module pinning every artifact's SHA-256. */
  generatedModule: z.string().endsWith('.ts').default('src/zk/circuits.ts'),
  /** Deterministic development phase-2 beacon (never use these zkeys in production). */
  devBeacon: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .default('0b5e7c4a1d2f3e6b8a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a'),
  circuits: z.array(circuitConfigSchema).min(1),
})

export type CircuitConfig = z.output<typeof circuitConfigSchema>
export type CircuitsConfig = z.output<typeof circuitsConfigSchema>
export type CircuitsConfigInput = z.input<typeof circuitsConfigSchema>
