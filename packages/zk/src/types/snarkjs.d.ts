// Minimal declarations of the parts of snarkjs 0.7.6 that @caldera/zk uses (snarkjs ships none).
declare module 'snarkjs' {
  type FileSource = string | Uint8Array | { type: 'mem'; data?: Uint8Array }
  type Logger = {
    debug: (message: string) => void
    info: (message: string) => void
    warn: (message: string) => void
    error: (message: string) => void
  }
  type Proof = {
    pi_a: string[]
    pi_b: string[][]
    pi_c: string[]
    protocol: string
    curve: string
  }
  export const groth16: {
    fullProve(
      input: Record<string, unknown>,
      wasm: FileSource,
      zkey: FileSource,
      logger?: Logger,
      wtnsCalcOptions?: Record<string, unknown>,
      proverOptions?: Record<string, unknown>,
    ): Promise<{ proof: Proof; publicSignals: string[] }>
    verify(vkey: unknown, publicSignals: string[], proof: Proof, logger?: Logger): Promise<boolean>
    prove(
      zkey: FileSource,
      witness: FileSource,
      logger?: Logger,
    ): Promise<{ proof: Proof; publicSignals: string[] }>
  }
  export const wtns: {
    calculate(
      input: Record<string, unknown>,
      wasm: FileSource,
      out: { type: 'mem'; data?: Uint8Array },
    ): Promise<void>
  }
  export const zKey: {
    newZKey(r1cs: FileSource, ptau: FileSource, zkey: FileSource, logger?: Logger): Promise<unknown>
    beacon(
      oldZkey: FileSource,
      newZkey: FileSource,
      name: string,
      beaconHash: string,
      numIterationsExp: number,
      logger?: Logger,
    ): Promise<Uint8Array | false>
    contribute(
      oldZkey: FileSource,
      newZkey: FileSource,
      name: string,
      entropy: string,
      logger?: Logger,
    ): Promise<Uint8Array | false>
    verifyFromR1cs(r1cs: FileSource, ptau: FileSource, zkey: FileSource, logger?: Logger): Promise<boolean>
    exportVerificationKey(zkey: FileSource, logger?: Logger): Promise<Record<string, unknown>>
    exportSolidityVerifier(zkey: FileSource, templates: { groth16: string }, logger?: Logger): Promise<string>
  }
  export const r1cs: {
    info(
      r1cs: FileSource,
      logger?: Logger,
    ): Promise<{ nConstraints: number; nVars: number; nPubInputs: number; nOutputs: number }>
  }
}
