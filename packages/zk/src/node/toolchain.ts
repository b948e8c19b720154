import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CircuitBuildError } from '../errors/zk.js'

/**
 * The folder of the installed `@caldera/zk` package (source or dist layout).
 *
 * @example
 * import { zkPackageDir } from '@caldera/zk/node'
 * const dir = zkPackageDir()
 */
export function zkPackageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@caldera/zk') return dir
    const parent = dirname(dir)
    if (parent === dir) throw new CircuitBuildError('Could not locate the @caldera/zk package folder.')
    dir = parent
  }
}

/**
 * The shared 2^14 development powers-of-tau file of the Caldera repository (`packages/zk/ptau/`).
 * It is not published with the npm package (18 MB, and for development only): outside the
 * repository, name a public powers-of-tau file as `ptau` in `circuits/circuits.json`.
 *
 * @example
 * import { devPtauPath } from '@caldera/zk/node'
 * const ptau = devPtauPath()
 */
export function devPtauPath(): string {
  const path = join(zkPackageDir(), 'ptau', 'pot14_dev.ptau')
  if (!existsSync(path))
    throw new CircuitBuildError(`No development powers-of-tau file at ${path}.`, {
      hint: 'Download a public powers-of-tau file (e.g. the Hermez/Polygon ceremony, 2^14 or larger) and set "ptau": "<path>" in circuits/circuits.json.',
    })
  return path
}

/** SHA-256 of the shared development powers of tau. */
export const devPtauSha256 = '5cbde10be9d43b9be9ec4b2749b6f9c140c7e60cc6bfbbdf123b425bf19390db'

function resolveFrom(packageDir: string, specifier: string): string {
  for (const base of [join(packageDir, 'package.json'), join(zkPackageDir(), 'package.json')]) {
    try {
      return realpathSync(createRequire(base).resolve(specifier))
    } catch {}
  }
  throw new CircuitBuildError(`Could not resolve ${specifier}.`, {
    hint: `Add it as a devDependency of the package that builds circuits (pnpm add -D ${specifier.split('/')[0]}).`,
  })
}

export type Toolchain = {
  /** circom2's CLI script. */
  circomCli: string
  /** Real folder that holds `circomlib/` (passed to circom with `-l`). */
  circomlibParent: string
  /** snarkjs' Solidity verifier template for Groth16. */
  groth16Template: string
}

/** Finds circom2, circomlib and snarkjs' templates, preferring the calling package's own copies. */
export function resolveToolchain(packageDir: string): Toolchain {
  const circomCli = join(dirname(resolveFrom(packageDir, 'circom2/package.json')), 'cli.js')
  const circomlibParent = dirname(dirname(resolveFrom(packageDir, 'circomlib/package.json')))
  const snarkjsMain = resolveFrom(packageDir, 'snarkjs')
  let dir = dirname(snarkjsMain)
  while (!existsSync(join(dir, 'templates', 'verifier_groth16.sol.ejs'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new CircuitBuildError('Could not find snarkjs verifier templates.')
    dir = parent
  }
  return { circomCli, circomlibParent, groth16Template: join(dir, 'templates', 'verifier_groth16.sol.ejs') }
}

/** Deepest folder containing every given path (circom2 can only read below its working folder). */
export function commonAncestor(paths: readonly string[]): string {
  const split = paths.map((p) => resolve(p).split(sep))
  const first = split[0] ?? []
  let n = 0
  while (n < first.length && split.every((parts) => parts[n] === first[n])) n++
  return first.slice(0, n).join(sep) || sep
}
