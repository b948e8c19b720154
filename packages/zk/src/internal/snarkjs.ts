/// <reference path="../types/snarkjs.d.ts" />
import * as snarkjs from 'snarkjs'

/** snarkjs, typed by the local declaration in `src/types/snarkjs.d.ts`. */
export const groth16 = snarkjs.groth16
export const zKey = snarkjs.zKey
export const r1cs = snarkjs.r1cs
export const wtns = snarkjs.wtns
export const curves = snarkjs.curves
export type Curve = snarkjs.Curve

/** A snarkjs logger that drops debug lines and forwards the rest. */
export function snarkjsLogger(write: (line: string) => void) {
  return {
    debug: () => {},
    info: (message: string) => write(message),
    warn: (message: string) => write(`warning: ${message}`),
    error: (message: string) => write(`error: ${message}`),
  }
}
