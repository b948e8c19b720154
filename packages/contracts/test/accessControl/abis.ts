import type { Abi, AbiFunction, Hex } from 'viem'
import * as contracts from '../../src/exports/index.js'

/** A compiled contract as exported by `@caldera/contracts`. */
export type CompiledContract = { name: string; abi: Abi; bytecode: Hex }

const modules = contracts as unknown as Record<string, unknown>

/** Every compiled contract, by contract name (`channelAbi` → `Channel`). */
export function compiledContracts(): CompiledContract[] {
  return Object.keys(modules)
    .filter((key) => key.endsWith('Abi'))
    .map((key) => {
      const base = key.slice(0, -'Abi'.length)
      return {
        name: base[0]!.toUpperCase() + base.slice(1),
        abi: modules[key] as Abi,
        bytecode: modules[`${base}Bytecode`] as Hex,
      }
    })
}

/** The functions of `abi` that may change state (neither `view` nor `pure`). */
export function stateChangingFunctions(abi: Abi): AbiFunction[] {
  return abi.filter(
    (item): item is AbiFunction =>
      item.type === 'function' && item.stateMutability !== 'view' && item.stateMutability !== 'pure',
  )
}
