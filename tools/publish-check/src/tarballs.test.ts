import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { budgets } from './budgets.js'
import { packTarballs, type Tarball } from './packTarballs.js'
import { publicPackages, repoRoot } from './publicPackages.js'
import { smokeCases } from './smokeCases.js'
import { installSmokeProject, writeSmokeScripts } from './smokeProject.js'

// The whole check works on real tarballs installed by npm in a folder outside the workspace.
const work = mkdtempSync(join(tmpdir(), 'caldera-publish-check-'))
const project = join(work, 'app')
let tarballs: Tarball[] = []

function node(file: string) {
  return spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8', timeout: 120_000 })
}

beforeAll(() => {
  tarballs = packTarballs(publicPackages(), join(work, 'tarballs'))
  installSmokeProject(project, tarballs)
  writeSmokeScripts(project, smokeCases)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('packages as installed from npm tarballs', () => {
  it('has a smoke case for every public package', () => {
    expect(tarballs.map((t) => t.name).filter((name) => !smokeCases[name])).toEqual([])
  })

  it('imports every package as ESM and calls a function of each', () => {
    const result = node('esm.mjs')
    expect(result.stdout).not.toMatch(/FAIL/)
    expect(result.status, result.stdout + result.stderr).toBe(0)
  })

  it('requires every package as CommonJS and calls a function of each', () => {
    const result = node('cjs.cjs')
    expect(result.stdout).not.toMatch(/FAIL/)
    expect(result.status, result.stdout + result.stderr).toBe(0)
  })

  it('type-checks the same calls against the published types', () => {
    const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: project,
      encoding: 'utf8',
    })
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('fails when an export is broken', () => {
    // Drop `parseEra` from the installed ESM build of @caldera/core: the ESM smoke run must fail.
    const file = join(project, 'node_modules', '@caldera', 'core', 'dist', 'index.js')
    const original = readFileSync(file, 'utf8')
    try {
      const broken = original.replace(/\bparseEra,\s*/, '')
      expect(broken).not.toBe(original)
      writeFileSync(file, broken)
      const result = node('esm.mjs')
      expect(result.status).not.toBe(0)
      expect(result.stderr).toMatch(/does not provide an export named 'parseEra'/)
    } finally {
      writeFileSync(file, original)
    }
  })

  it('keeps every package within its size budget', () => {
    const rows = tarballs.map((t) => ({
      package: t.name,
      files: t.files,
      packedKiB: Math.round(t.packedBytes / 1024),
      unpackedKiB: Math.round(t.unpackedBytes / 1024),
      budget: budgets[t.name],
    }))
    console.table(
      rows.map((r) => ({
        package: r.package,
        files: r.files,
        'packed KiB': r.packedKiB,
        'unpacked KiB': r.unpackedKiB,
        'budget packed/unpacked KiB': r.budget ? `${r.budget.packedKiB}/${r.budget.unpackedKiB}` : 'none',
      })),
    )
    const over = rows.filter(
      (r) => !r.budget || r.packedKiB > r.budget.packedKiB || r.unpackedKiB > r.budget.unpackedKiB,
    )
    expect(over.map((r) => r.package)).toEqual([])
  })
})

describe('releases', () => {
  it('publishes nothing but what the files list says (pnpm publish --dry-run)', () => {
    const core = tarballs.find((t) => t.name === '@caldera/core')!
    const listing = execFileSync('tar', ['-tzf', core.file], { encoding: 'utf8' }).split('\n').filter(Boolean)
    expect(listing).toContain('package/dist/index.js')
    expect(listing).toContain('package/dist/index.d.cts')
    expect(listing.some((f) => f.endsWith('.test.ts'))).toBe(false)
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', core.file, 'package/package.json'], { encoding: 'utf8' }),
    ) as { dependencies: Record<string, string> }
    expect(Object.values(manifest.dependencies).some((v) => v.startsWith('workspace:'))).toBe(false)
  })

  it('turns the pending changesets into versions and changelogs (changeset version, in a clone)', () => {
    const clone = join(work, 'clone')
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone])
    const pending = execFileSync('git', ['ls-files', '.changeset/*.md'], { cwd: clone, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('README.md'))
    if (pending.length === 0) return // nothing pending: nothing to version
    const bin = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js')
    execFileSync(process.execPath, [bin, 'version'], { cwd: clone, stdio: 'pipe' })
    const core = JSON.parse(readFileSync(join(clone, 'packages', 'core', 'package.json'), 'utf8')) as {
      version: string
    }
    expect(core.version).not.toBe('0.1.0')
    expect(readFileSync(join(clone, 'packages', 'core', 'CHANGELOG.md'), 'utf8')).toMatch(/## \d+\.\d+\.\d+/)
  })
})
