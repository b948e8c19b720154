import { parseEra } from '@caldera/core'
import { expect, it } from 'vitest'
import { runQuickstart } from './quickstart.js'

it('deploys EraToken on two local chains and funds a validator with each tier minimum', async () => {
  const lines: string[] = []
  const result = await runQuickstart((line) => lines.push(line))
  expect(result.chains.map((c) => [c.name, c.validatorStake])).toEqual([
    ['financial', parseEra('100000')],
    ['light', parseEra('10000')],
  ])
  expect(new Set(result.chains.map((c) => c.chainId)).size).toBe(2)
  expect(lines.at(-1)).toBe('Stopped every chain.')
})
