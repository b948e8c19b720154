import { expect, it } from 'vitest'
import type { TrackedBlock } from '../metrics/blockTracker.js'
import { tripLatencyMs, unaffectedThroughputRatio } from './isolationMetrics.js'

function chain(perBlock: (t: number) => number, fromMs: number, toMs: number) {
  const blocks = new Map<number, TrackedBlock>()
  const ours = new Set<string>()
  let n = 0
  for (let t = fromMs; t < toMs; t += 250) {
    const hashes = Array.from({ length: perBlock(t) }, (_, i) => `0x${n}-${i}`)
    for (const h of hashes) ours.add(h)
    blocks.set(n, {
      number: n,
      hash: `0x${n}`,
      parentHash: `0x${n - 1}`,
      timestamp: Math.floor(t / 1000),
      observedAt: t,
      gasUsed: 0n,
      gasLimit: 0n,
      baseFeePerGas: 0n,
      txHashes: [...hashes, '0xnot-ours'],
    })
    n++
  }
  return { blocks, ours }
}

it('compares the unaffected rate after the trip with the rate before it', () => {
  const steady = chain(() => 10, 0, 20_000)
  expect(
    unaffectedThroughputRatio({ trippedAt: 10_000, loadStart: 0, loadEnd: 20_000, domains: [steady] }),
  ).toBe(1)
  const halved = chain((t) => (t < 10_000 ? 10 : 5), 0, 20_000)
  expect(
    unaffectedThroughputRatio({ trippedAt: 10_000, loadStart: 0, loadEnd: 20_000, domains: [halved] }),
  ).toBe(0.5)
  expect(
    unaffectedThroughputRatio({ trippedAt: 1_000, loadStart: 0, loadEnd: 20_000, domains: [steady] }),
  ).toBeUndefined() // no time before the trip after the warm-up
})

it('measures the trip from the anomalous block being seen to the isolation', () => {
  const { blocks } = chain(() => 1, 0, 2_000)
  const exploitHash = blocks.get(3)!.txHashes[0]!
  expect(tripLatencyMs({ exploitHash, trippedAt: 800, isolatedAt: 1_200, blocks })).toBe(450) // block 3 seen at 750
  expect(tripLatencyMs({ trippedAt: 800, isolatedAt: 1_200 })).toBe(400)
  expect(tripLatencyMs({ trippedAt: 800 })).toBeUndefined()
})
