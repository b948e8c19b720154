import { UnknownSignalError } from '../errors/soundness.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** One line of a circom `.sym` file. */
export type CircuitSymbol = {
  /** Full signal name, e.g. `main.range.low.out[3]`. */
  name: string
  /** Witness index of the signal, or -1 when the compiler eliminated it (substituted away). */
  wire: number
  /** circom's label index (section 3 of the r1cs maps wires to labels). */
  label: number
  /** Index of the component the signal belongs to. */
  component: number
}

/**
 * Parses a circom `.sym` file (`label,wire,component,name` per line; compile with `--sym`, e.g.
 * `compileCircuit({ …, sym: true })`), to find the witness index of a named signal.
 *
 * @param text - The `.sym` file's content.
 * @returns One entry per signal, in file order.
 *
 * @example
 * import { parseSymbols } from '@caldera/zk'
 * const symbols = parseSymbols(readFileSync(symPath, 'utf8'))
 */
export function parseSymbols(text: string): CircuitSymbol[] {
  check(inputSchemas.symbolsText, text, 'symbols text')
  const symbols: CircuitSymbol[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const [label, wire, component, ...rest] = line.split(',')
    const name = rest.join(',').trim()
    if (!name || [label, wire, component].some((v) => !/^-?\d+$/.test(v ?? '')))
      throw new UnknownSignalError(`Not a circom .sym line: "${line}".`)
    symbols.push({ name, wire: Number(wire), label: Number(label), component: Number(component) })
  }
  return symbols
}

export type WireOfParameters = {
  symbols: readonly CircuitSymbol[]
  /** Full name (`main.amount[3]`) or, when unambiguous, a name without the `main.` prefix. */
  signal: string
}

/**
 * The witness index of a named signal.
 *
 * @returns The wire index (≥ 1).
 * @throws {UnknownSignalError} When no signal has that name, or the compiler eliminated its wire
 * (its value then lives in the linear combinations of other wires).
 *
 * @example
 * import { parseSymbols, wireOf } from '@caldera/zk'
 * const wire = wireOf({ symbols, signal: 'main.amount[2]' })
 */
export function wireOf(options: WireOfParameters): number {
  check(inputSchemas.wireOf, options, 'wireOf options')
  const { symbols, signal } = options
  const full = signal.startsWith('main.') || signal === 'main' ? signal : `main.${signal}`
  const symbol = symbols.find((s) => s.name === full)
  if (!symbol)
    throw new UnknownSignalError(`No signal named ${full} in the symbol table.`, {
      hint: 'Names are as in the .sym file, e.g. main.range.low.out[0].',
    })
  if (symbol.wire < 0)
    throw new UnknownSignalError(`Signal ${full} has no wire: the compiler's simplification removed it.`, {
      hint: 'Tamper with the signals it was substituted by, or compile without --O2 to keep it.',
    })
  return symbol.wire
}

/**
 * Wire indices of the output and public input signals: wires `1 … nPublicOutputs + nPublicInputs`
 * (circom's layout: constant, outputs, public inputs, private inputs, internal signals).
 *
 * @example
 * import { parseR1cs, publicWires } from '@caldera/zk'
 * const wires = publicWires(parseR1cs(r1csBytes)) // [1, 2, …]
 */
export function publicWires(r1cs: { nPublicOutputs: number; nPublicInputs: number }): number[] {
  check(inputSchemas.publicWires, r1cs, 'r1cs')
  return Array.from({ length: r1cs.nPublicOutputs + r1cs.nPublicInputs }, (_, i) => i + 1)
}

/**
 * The name of every wire (the first signal name that maps to it), for messages.
 *
 * @example
 * import { wireNames } from '@caldera/zk'
 * const names = wireNames(symbols)
 * names.get(5) // 'main.amount[0]'
 */
export function wireNames(symbols: readonly CircuitSymbol[]): Map<number, string> {
  check(inputSchemas.symbols, symbols, 'symbols')
  const names = new Map<number, string>()
  for (const s of symbols) if (s.wire >= 0 && !names.has(s.wire)) names.set(s.wire, s.name)
  return names
}
