import { startDevnet } from '@caldera/devnet'
import { nowMs } from '../src/load/clock.js'
import { generateLoad } from '../src/load/generateLoad.js'
import { presignTransactions } from '../src/load/presign.js'
import { setupLoad } from '../src/load/setupLoad.js'
import { submitTransactions } from '../src/load/submit.js'
import { trackBlocks } from '../src/metrics/blockTracker.js'

/** Measures the generator against one anvil with interval mining: sign, submit, include. */
export async function loadBench({ txs: count, log }: { txs: number; log: (line: string) => void }) {
  const devnet = await startDevnet({
    chains: [{ name: 'bench', blockTime: 1, gasLimit: 2_000_000_000n, accounts: 2, balance: 1_000_000 }],
  })
  try {
    const chain = devnet.chain('bench')
    const spec = {
      mix: [{ profile: 'light' as const, weight: 1, senders: 400 }],
      stages: [{ kind: 'steady' as const, seconds: 1, rate: count }],
    }
    const probe = generateLoad({
      seed: 1,
      label: 'bench',
      spec,
      targets: { token: '0x', workload: '0x' } as never,
    })
    const targets = await setupLoad({
      walletClient: chain.walletClient,
      publicClient: chain.publicClient,
      gasAccounts: probe.accounts.map((a) => a.address),
    })
    const load = generateLoad({ seed: 1, label: 'bench', spec, targets })
    // Everything is due at once: the submission rate is the generator's ceiling.
    const intents = load.intents.map((x) => ({ ...x, at: 0 }))
    const signStart = nowMs()
    const txs = await presignTransactions({
      chainId: chain.chainId,
      intents,
      accounts: load.accounts,
      maxFeePerGas: 50_000_000_000n,
      maxPriorityFeePerGas: 1n,
    })
    const signMs = nowMs() - signStart
    log(`signed ${txs.length} transactions in ${Math.round(signMs)} ms`)
    const hashes = new Set<string>(txs.map((t) => t.hash))
    let included = 0
    let lastIncludedAt = 0
    const tracker = trackBlocks({
      rpcUrl: chain.rpcUrl,
      onBlock: (b) => {
        for (const h of b.txHashes)
          if (hashes.has(h)) {
            included++
            lastIncludedAt = b.observedAt
          }
      },
    })
    await tracker.waitForBlock(0, 5_000)
    const start = nowMs()
    const submit = await submitTransactions({
      rpcUrl: chain.rpcUrl,
      txs,
      batchSize: 500,
      concurrency: 4,
      flushIntervalMs: 0,
    })
    const submitMs = nowMs() - start
    const accepted = submit.records.filter((r) => r.accepted).length
    log(`submitted ${txs.length} (${accepted} accepted) in ${Math.round(submitMs)} ms`)
    if (accepted < txs.length) log(`rejections: ${JSON.stringify(submit.errors)}`)
    const deadline = nowMs() + 60_000
    while (included < accepted && nowMs() < deadline) await new Promise((r) => setTimeout(r, 100))
    await tracker.stop()
    const includeMs = lastIncludedAt - start
    log(`included ${included} in ${Math.round(includeMs)} ms`)
    return {
      signTxPerS: txs.length / (signMs / 1000),
      submitTxPerS: accepted / (submitMs / 1000),
      includedTxPerS: included / (includeMs / 1000),
      accepted,
      included,
    }
  } finally {
    await devnet.stop()
  }
}
