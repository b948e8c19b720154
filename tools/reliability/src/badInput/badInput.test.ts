import { describe, expect, it } from 'vitest'
import { runBadInput } from './campaign.js'
import { notDriven } from './config.js'
import { parameterNames } from './surface.js'

describe('bad input', () => {
  it('reads parameter names of functions, async functions and classes', () => {
    expect(
      parameterNames(function f(client: unknown, { a }: { a: number }) {
        return [client, a]
      }),
    ).toEqual(['client', 'options'])
    expect(parameterNames(async (x: unknown, y = 2) => [x, y])).toEqual(['x', 'y'])
    expect(
      parameterNames(
        class {
          constructor(readonly options: unknown) {}
        } as never,
      ),
    ).toEqual(['options'])
  })

  it('every listed not-driven export has a reason', () => {
    for (const [id, reason] of Object.entries(notDriven)) expect(reason.length, id).toBeGreaterThan(10)
  })

  it('every public function and every caldera command refuses the hostile corpus cleanly', async () => {
    const result = await runBadInput({ seed: 1, mode: 'test' })
    const { report } = result
    expect(result.uncovered).toEqual([])
    expect(result.staleListEntries).toEqual([])
    expect(result.fixedExpected, 'expected failures that now pass: remove them from config.ts').toEqual([])
    expect(report.failures).toEqual([])
    expect(result.functionsDriven).toBeGreaterThan(200)
    expect(result.commandsDriven).toEqual(
      expect.arrayContaining([
        'aml scan',
        'breaker replay',
        'deploy',
        'devnet up',
        'sandbox run',
        'zk verify',
      ]),
    )
    expect(report.badInputsTried).toBeGreaterThan(3000)
    expect(report.badInputsRefusedCleanly).toBe(report.badInputsTried - result.expected.length)
  }, 90_000)
})
