import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { PublicPackage } from './publicPackages.js'

export type Tarball = PublicPackage & {
  file: string
  packedBytes: number
  unpackedBytes: number
  files: number
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const inner = folderSize(path)
      bytes += inner.bytes
      files += inner.files
    } else {
      bytes += statSync(path).size
      files += 1
    }
  }
  return { bytes, files }
}

/** Packs each package with `pnpm pack` (workspace versions resolved) into `outDir`. */
export function packTarballs(packages: PublicPackage[], outDir: string): Tarball[] {
  mkdirSync(outDir, { recursive: true })
  return packages.map((pkg) => {
    const before = new Set(readdirSync(outDir))
    execFileSync('pnpm', ['pack', '--pack-destination', outDir], { cwd: pkg.dir, stdio: 'pipe' })
    const created = readdirSync(outDir).find((f) => f.endsWith('.tgz') && !before.has(f))
    if (!created) throw new Error(`pnpm pack produced no tarball for ${pkg.name}`)
    const file = join(outDir, created)
    const unpackDir = join(outDir, `${created}.unpacked`)
    mkdirSync(unpackDir, { recursive: true })
    execFileSync('tar', ['-xzf', file, '-C', unpackDir])
    const { bytes, files } = folderSize(unpackDir)
    rmSync(unpackDir, { recursive: true, force: true })
    return { ...pkg, file, packedBytes: statSync(file).size, unpackedBytes: bytes, files }
  })
}
