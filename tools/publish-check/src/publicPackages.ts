import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export type PublicPackage = { name: string; version: string; dir: string }

/** Every non-private package under `packages/`. */
export function publicPackages(): PublicPackage[] {
  const dir = join(repoRoot, 'packages')
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const pkgDir = join(dir, e.name)
      try {
        const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
          name: string
          version: string
          private?: boolean
        }
        return pkg.private ? [] : [{ name: pkg.name, version: pkg.version, dir: pkgDir }]
      } catch {
        return []
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}
