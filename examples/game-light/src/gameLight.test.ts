import { expect, it } from 'vitest'
import { runGameLight } from './gameLight.js'

it('deploys the light game domain cheaply, holds the exploit, cuts the game off and keeps financial traffic going', async () => {
  const lines: string[] = []
  const result = await runGameLight((line) => lines.push(line))
  expect(result.gas.ratio).toBeGreaterThan(0)
  expect(result.gas.ratio).toBeLessThan(0.5)
  expect(result.exploit).toEqual({ held: true, heldTokens: 1_500_000n * 10n ** 18n })
  expect(result.isolation.chains.sort()).toEqual(['financial', 'game', 'payments'])
  expect(result.after).toEqual({
    financialLaneToGamePaused: true,
    paymentsLaneToGamePaused: true,
    gameIsolated: true,
    financialIsolated: false,
    financialToPayments: { held: false, delivered: 250_000n * 10n ** 18n },
    financialToGameRejected: 'LaneIsPaused',
  })
  expect(result.proved).toHaveLength(4)
  expect(lines).toContain('Proved:')
}, 120_000)
