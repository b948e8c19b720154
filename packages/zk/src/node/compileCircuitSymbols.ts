import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { CircuitConfig } from '../config/circuitsConfig.js'
import { CircuitBuildError } from '../errors/zk.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { type CircuitSymbol, parseSymbols } from '../soundness/symbols.js'
import { readCircuitsConfig } from './buildCircuits.js'
import { compileCircuit } from './compileCircuit.js'
import { sha256File } from './sha256File.js'

export type CompileCircuitSymbolsParameters = {
  /** Folder of the package that owns the circuit. */
  packageDir: string
  /** The circuit, or its name in the package's `circuits/circuits.json`. */
  circuit: CircuitConfig | string
}

export type CompileCircuitSymbolsReturnType = {
  /** The symbol table (signal name → wire). */
  symbols: CircuitSymbol[]
  /** SHA-256 of the freshly compiled r1cs: compare it with the committed one before using `symbols` with it. */
  r1csSha256: string
}

/**
 * Compiles a circuit into a temporary folder with `--sym` and returns its symbol table, so tests
 * can find the wire of any named signal of the committed artifacts without committing the `.sym`
 * file. Nothing is written in the package. Takes about as long as a compile (seconds).
 *
 * @example
 * import { compileCircuitSymbols, sha256File } from '@caldera/zk/node'
 * const { symbols, r1csSha256 } = await compileCircuitSymbols({ packageDir, circuit: 'range' })
 * expect(r1csSha256).toBe(sha256File('artifacts/range/range.r1cs'))
 */
export async function compileCircuitSymbols(
  options: CompileCircuitSymbolsParameters,
): Promise<CompileCircuitSymbolsReturnType> {
  check(inputSchemas.compileSymbols, options, 'compileCircuitSymbols options')
  const { packageDir, circuit } = options
  const pkg = realpathSync(resolve(packageDir))
  const config =
    typeof circuit === 'string' ? readCircuitsConfig(pkg).circuits.find((c) => c.name === circuit) : circuit
  if (!config)
    throw new CircuitBuildError(`No circuit named ${String(circuit)} in ${pkg}/circuits/circuits.json.`)
  const outDir = mkdtempSync(join(tmpdir(), `caldera-zk-sym-${config.name}-`))
  try {
    const { symPath, r1csPath } = await compileCircuit({
      packageDir: pkg,
      circuit: config,
      outDir,
      sym: true,
    })
    return { symbols: parseSymbols(readFileSync(symPath!, 'utf8')), r1csSha256: sha256File(r1csPath) }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
