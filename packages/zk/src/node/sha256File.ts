import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { ZkError } from '../errors/zk.js'
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
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (cause) {
    throw new ZkError(`Cannot read ${JSON.stringify(path.slice(0, 200))}.`, {
      cause,
      hint: 'Pass the path of a readable file.',
    })
  }
  return createHash('sha256').update(bytes).digest('hex')
}
