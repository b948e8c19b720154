import { CeremonyError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { snarkjsLogger, zKey } from '../internal/snarkjs.js'

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

export type ContributePhase2Parameters = {
  /** Current zkey (file path in Node, or bytes). */
  zkey: string | Uint8Array
  /** Where to write the new zkey (file path in Node). */
  out: string
  /** Contributor name recorded in the zkey. */
  name: string
  /** Secret randomness; default 64 random bytes from WebCrypto. Never reuse or keep it. */
  entropy?: string
  log?: (line: string) => void
}

/**
 * Adds one phase-2 (circuit-specific) contribution to a Groth16 zkey, as one participant of a
 * ceremony. Returns the contribution hash the participant publishes.
 *
 * @example
 * import { contributePhase2 } from '@caldera/zk'
 * const { contributionHash } = await contributePhase2({ zkey: 'c_0001.zkey', out: 'c_0002.zkey', name: 'alice' })
 */
export async function contributePhase2(
  options: ContributePhase2Parameters,
): Promise<{ contributionHash: string }> {
  check(inputSchemas.contribute, options, 'contributePhase2 options')
  const { zkey, out, name, entropy, log = () => {} } = options
  const secret = entropy ?? toHex(globalThis.crypto.getRandomValues(new Uint8Array(64)))
  try {
    const hash = await zKey.contribute(zkey, out, name, secret, snarkjsLogger(log))
    if (!hash) throw new Error('snarkjs rejected the input zkey')
    return { contributionHash: toHex(hash) }
  } catch (cause) {
    throw new CeremonyError(`Phase-2 contribution to ${typeof zkey === 'string' ? zkey : 'zkey'} failed.`, {
      cause,
      hint: 'Pass a valid zkey produced by the previous participant.',
    })
  }
}

export type VerifyPhase2Parameters = {
  /** The circuit's constraint system. */
  r1cs: string | Uint8Array
  /** The powers-of-tau file the setup started from. */
  ptau: string | Uint8Array
  /** The zkey to check. */
  zkey: string | Uint8Array
  log?: (line: string) => void
}

/**
 * Checks that a zkey was derived from this circuit and powers of tau through valid phase-2
 * contributions (snarkjs `zkey verify`). Returns `false` when it was not.
 *
 * @example
 * import { verifyPhase2 } from '@caldera/zk'
 * const ok = await verifyPhase2({ r1cs: 'c.r1cs', ptau: 'pot.ptau', zkey: 'c_final.zkey' })
 */
export async function verifyPhase2(options: VerifyPhase2Parameters): Promise<boolean> {
  check(inputSchemas.verifyPhase2, options, 'verifyPhase2 options')
  const { r1cs, ptau, zkey, log = () => {} } = options
  try {
    return await zKey.verifyFromR1cs(r1cs, ptau, zkey, snarkjsLogger(log))
  } catch (cause) {
    throw new CeremonyError('Could not read the ceremony files.', {
      cause,
      hint: 'Check the r1cs, ptau and zkey paths.',
    })
  }
}
