/**
 * Stops the worker threads snarkjs keeps for the BN254 curve, so a script or test process can exit.
 * Safe to call when nothing was proved; the next proof starts new workers.
 *
 * @example
 * import { terminateProver } from '@caldera/zk'
 * afterAll(() => terminateProver())
 */
export async function terminateProver(): Promise<void> {
  const holder = globalThis as { curve_bn128?: { terminate?: () => Promise<void> } | null }
  const curve = holder.curve_bn128
  if (curve?.terminate) {
    await curve.terminate()
    holder.curve_bn128 = null
  }
}
