import { describe, expect, it } from 'vitest'
import { compiledContracts, stateChangingFunctions } from './abis.js'
import { classification } from './classification.js'

describe('access-control classification', () => {
  const compiled = compiledContracts()

  it('lists every compiled contract, and only those', () => {
    expect(compiled.length).toBeGreaterThan(20)
    expect(Object.keys(classification).sort()).toEqual(compiled.map((contract) => contract.name).sort())
  })

  it.each(compiled.map((contract) => [contract.name, contract] as const))(
    '%s: every state-changing function is classified, and nothing else',
    (name, { abi }) => {
      const entry = classification[name]!
      const functions = stateChangingFunctions(abi).map((fn) => fn.name)
      // Overloads would share one entry; a new overload must be classified on purpose.
      expect(new Set(functions).size).toBe(functions.length)
      expect(Object.keys(entry.functions).sort()).toEqual([...functions].sort())
    },
  )

  it.each(compiled.map((contract) => [contract.name, contract] as const))(
    '%s: every role named exists as a constant of the contract',
    (name, { abi }) => {
      const constants = new Set(abi.filter((item) => item.type === 'function').map((item) => item.name))
      for (const entry of Object.values(classification[name]!.functions)) {
        if (entry.kind === 'role') expect(constants).toContain(entry.role)
      }
    },
  )

  it('classifies an abstract contract’s functions exactly as its deployable heirs do', () => {
    for (const [name, entry] of Object.entries(classification)) {
      if (entry.deployment.kind !== 'none') continue
      for (const heir of entry.deployment.inheritedBy) {
        for (const [fn, kind] of Object.entries(entry.functions)) {
          expect({ name, heir, fn, kind: classification[heir]!.functions[fn] }).toEqual({
            name,
            heir,
            fn,
            kind,
          })
        }
      }
    }
  })

  it('is not empty of privileged functions (the chain test checks each one)', () => {
    const privileged = Object.values(classification).flatMap((entry) =>
      entry.deployment.kind === 'none'
        ? []
        : Object.values(entry.functions).filter((fn) => fn.kind === 'role' || fn.kind === 'caller'),
    )
    expect(privileged.length).toBeGreaterThan(40)
  })
})
