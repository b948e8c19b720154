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
  type Point = Uint8Array
  type Group = {
    fromObject(o: unknown): Point
    neg(p: Point): Point
    add(a: Point, b: Point): Point
    timesScalar(p: Point, s: bigint | Uint8Array): Point
    toAffine(p: Point): Point
    toJacobian(p: Point): Point
    isValid(p: Point): boolean
  }
  export type Curve = {
    r: bigint
    G1: Group
    G2: Group
    Gt: {
      one: Uint8Array
      mul(a: Uint8Array, b: Uint8Array): Uint8Array
      eq(a: Uint8Array, b: Uint8Array): boolean
    }
    prepareG1(p: Point): Uint8Array
    prepareG2(p: Point): Uint8Array
    millerLoop(preP: Uint8Array, preQ: Uint8Array): Uint8Array
    finalExponentiation(a: Uint8Array): Uint8Array
    terminate(): Promise<void>
  }
  export const curves: { getCurveFromName(name: string): Promise<Curve> }
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
