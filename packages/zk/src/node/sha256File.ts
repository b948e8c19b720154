import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { check, inputSchemas } from '../internal/inputs.js'

/**
 * SHA-256 (hex) of a file's bytes.
 *
 * @example
 * import { sha256File } from '@caldera/zk/node'
 * const hash = sha256File('artifacts/x/x.zkey')
 */
export function sha256File(path: string): string {
  check(inputSchemas.path, path, 'path')
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
