import { sandboxDollarAbi } from '@caldera/contracts'
import { decodeFunctionData } from 'viem'
import { expect, it } from 'vitest'
import { generateLoad } from './generateLoad.js'
import { FINANCIAL_CAP_USD } from './profiles.js'

const targets = {
  token: '0x00000000000000000000000000000000000000aa',
  workload: '0x00000000000000000000000000000000000000bb',
} as const

it('is reproducible: same seed, same transactions; another seed, others', () => {
  const spec = {
    mix: [
      { profile: 'financial' as const, weight: 1, senders: 4 },
      { profile: 'light' as const, weight: 3, senders: 20 },
    ],
    stages: [{ kind: 'steady' as const, seconds: 1, rate: 50 }],
  }
  const a = generateLoad({ seed: 7, label: 'd', spec, targets })
  const b = generateLoad({ seed: 7, label: 'd', spec, targets })
  const c = generateLoad({ seed: 8, label: 'd', spec, targets })
  expect(a.intents).toEqual(b.intents)
  expect(a.accounts).toEqual(b.accounts)
  expect(c.intents.map((x) => x.intent.data)).not.toEqual(a.intents.map((x) => x.intent.data))
  expect(a.intents).toHaveLength(50)
  expect(a.accounts).toHaveLength(24)
  const light = a.intents.filter((x) => x.intent.profile === 'light').length
  expect(light).toBeGreaterThan(25)
  expect(light).toBeLessThan(50)
})

it('draws heavy-tailed financial values under the breaker threshold', () => {
  const load = generateLoad({
    seed: 3,
    label: 'fin',
    spec: {
      mix: [{ profile: 'financial', weight: 1 }],
      stages: [{ kind: 'steady', seconds: 4, rate: 1_000 }],
    },
    targets,
  })
  const usd = load.intents.map((x) => Number(x.intent.usd) / 1e6).sort((a, b) => a - b)
  const median = usd[Math.floor(usd.length / 2)]!
  const p999 = usd[Math.floor(usd.length * 0.999)]!
  expect(usd[0]!).toBeGreaterThanOrEqual(2_500)
  expect(usd.at(-1)!).toBeLessThanOrEqual(FINANCIAL_CAP_USD)
  expect(p999 / median).toBeGreaterThan(50) // heavy tail
  const first = load.intents[0]!.intent
  const call = decodeFunctionData({ abi: sandboxDollarAbi, data: first.data })
  expect(call.functionName).toBe('transfer')
  expect(call.args![1]).toBe(first.usd)
})
