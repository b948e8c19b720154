// Minimal declaration of circom_runtime 0.1.28 (the witness calculator snarkjs uses; no types shipped).
declare module 'circom_runtime' {
  export type WitnessCalculator = {
    calculateWTNSBin(input: Record<string, unknown>, sanityCheck?: boolean): Promise<Uint8Array>
  }
  export function WitnessCalculatorBuilder(
    code: Uint8Array | WebAssembly.Instance,
    options?: { memorySize?: number },
  ): Promise<WitnessCalculator>
}
