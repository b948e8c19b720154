import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Tarball } from './packTarballs.js'
import type { SmokeCase } from './smokeCases.js'

/** Versions the smoke project installs beside the tarballs (a dApp's own choices). */
const companions = { viem: '2.57.20', typescript: '5.9.3', '@types/node': '20.19.43' }

type Import = { entry: string; names: string[] }
type Case = SmokeCase & { pkg: string; id: number; sources: Import[]; names: string[] }

function caseList(cases: Record<string, SmokeCase[]>): Case[] {
  let id = 0
  return Object.entries(cases).flatMap(([pkg, list]) =>
    list.map((c) => {
      const sources = [
        { entry: c.entry, names: c.imports },
        ...Object.entries(c.also ?? {}).map(([entry, names]) => ({ entry, names })),
      ]
      return { ...c, pkg, id: id++, sources, names: sources.flatMap((s) => s.names) }
    }),
  )
}

function alias(name: string, id: number): string {
  return `${name} as ${name}_${id}`
}

function rewrite(check: string, imports: string[], id: number): string {
  return imports.reduce(
    (text, name) => text.replace(new RegExp(`(?<![.\\w$])${name}\\b`, 'g'), `${name}_${id}`),
    check,
  )
}

/** Writes `esm.mjs`, `cjs.cjs` and `types.ts` that exercise every case. */
export function writeSmokeScripts(dir: string, cases: Record<string, SmokeCase[]>): void {
  const list = caseList(cases)
  const esmImports = list.flatMap((c) =>
    c.sources.map((s) => `import { ${s.names.map((n) => alias(n, c.id)).join(', ')} } from '${s.entry}'`),
  )
  const body = list.map(
    (c) =>
      `  await run(${JSON.stringify(`${c.entry}: ${c.imports.join(', ')}`)}, async () => ${rewrite(c.check, c.names, c.id).replaceAll('!.', '.')})`,
  )
  const runner = `
let failed = 0
async function run(label, fn) {
  try {
    const ok = await fn()
    if (ok !== true) throw new Error('check returned ' + String(ok))
    console.log('ok   ' + label)
  } catch (error) {
    failed++
    console.log('FAIL ' + label + ': ' + (error && error.message))
  }
}`
  writeFileSync(
    join(dir, 'esm.mjs'),
    `${esmImports.join('\n')}\n${runner}\n${body.join('\n')}\nif (failed) { console.log(failed + ' failed'); process.exit(1) }\n`,
  )
  const cjsRequires = list.flatMap((c) =>
    c.sources.map(
      (s) => `const { ${s.names.map((n) => `${n}: ${n}_${c.id}`).join(', ')} } = require('${s.entry}')`,
    ),
  )
  writeFileSync(
    join(dir, 'cjs.cjs'),
    `${cjsRequires.join('\n')}\n${runner}\n;(async () => {\n${body.join('\n')}\nif (failed) { console.log(failed + ' failed'); process.exit(1) }\n})()\n`,
  )
  const tsFns = list.map(
    (c) =>
      `export async function check${c.id}(): Promise<boolean> {\n  return ${rewrite(c.check, c.names, c.id)}\n}`,
  )
  writeFileSync(join(dir, 'types.ts'), `${esmImports.join('\n')}\n\n${tsFns.join('\n\n')}\n`)
}

/** Creates a fresh npm project in `dir` and installs the tarballs (and only them) with npm. */
export function installSmokeProject(dir: string, tarballs: Tarball[]): void {
  mkdirSync(dir, { recursive: true })
  const files = Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.file}`]))
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'caldera-smoke',
        private: true,
        type: 'module',
        dependencies: { ...files, viem: companions.viem },
        devDependencies: { typescript: companions.typescript, '@types/node': companions['@types/node'] },
        // Dependencies between our packages resolve to the tarballs too, never to the registry.
        overrides: files,
      },
      null,
      2,
    ),
  )
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        lib: ['ES2022', 'DOM'],
      },
      include: ['types.ts'],
    }),
  )
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, npm_config_workspaces: 'false' },
  })
}
