import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { compilerSettings } from './compilerSettings.js'

const require = createRequire(import.meta.url)
const solc = require('solc') as {
  version(): string
  compile(
    input: string,
    callbacks: { import(path: string): { contents: string } | { error: string } },
  ): string
}

export type SolcProblem = { severity: 'error' | 'warning'; formattedMessage: string; errorCode?: string }
export type CompiledContract = {
  source: string
  name: string
  abi: unknown[]
  bytecode: `0x${string}`
  deployedBytecode: `0x${string}`
}
export type CompileResult = { version: string; contracts: CompiledContract[]; problems: SolcProblem[] }

type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string; errorCode?: string }[]
  contracts?: Record<
    string,
    Record<
      string,
      { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }
    >
  >
}

/**
 * Compiles Solidity sources (path → content) with the pinned solc-js. Imports starting with `@`
 * resolve through `require.resolve` (OpenZeppelin), others relative to `baseDir`. Returns the
 * contracts defined in the given sources and every error or warning solc reported.
 */
export function compileSolidity(sources: Record<string, string>, baseDir: string): CompileResult {
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([path, content]) => [path, { content }])),
    settings: {
      ...compilerSettings,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  }
  const findImport = (path: string) => {
    try {
      const file = path.startsWith('@') ? require.resolve(path) : join(baseDir, path)
      return { contents: readFileSync(file, 'utf8') }
    } catch {
      return { error: `File not found: ${path}` }
    }
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput
  const problems = (output.errors ?? []).filter((e): e is SolcProblem => e.severity !== 'info')
  const contracts: CompiledContract[] = []
  for (const [source, byName] of Object.entries(output.contracts ?? {})) {
    if (!(source in sources)) continue
    for (const [name, c] of Object.entries(byName)) {
      contracts.push({
        source,
        name,
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
      })
    }
  }
  return { version: solc.version(), contracts, problems }
}
