/**
 * `pnpm bench`: deploys the same domain stack traditionally and lite on a real anvil chain and
 * prices one batch of signed ERC-20 transfers every way. Everything is measured in this run.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BenchMetric, writeResults } from '@caldera/bench-utils'
import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { parseEra } from '@caldera/core'
import { startDevnet } from '@caldera/devnet'
import { type Address, bytesToHex, formatEther, hexToBytes, parseGwei } from 'viem'
import {
  calldataGas,
  compareDaCosts,
  type DeployDomainReturnType,
  deployDomain,
  domainStack,
  encodeBatch,
  generateErc20Batch,
  planDeployment,
  postBatch,
} from '../src/exports/index.js'

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Domains deployed per chain in each mode. */
const DOMAINS = 5
/** Transactions in the batch priced by the DA model. */
const BATCH_TXS = 1000
/** Price inputs (wei). Blob fee equal to the execution base fee: a busy blob market. */
const prices = { baseFee: parseGwei('5'), priorityFee: parseGwei('0.1'), blobBaseFee: parseGwei('5') }
/** Idle blob market: the EIP-7918 reserve price applies. */
const idlePrices = { ...prices, blobBaseFee: 1n }
/** Alt-DA price inputs, wei per byte. */
const altDa = [{ name: 'altda-a', weiPerByte: 1_500_000n }]
const ethUsd = 3_000_000000n

const devnet = await startDevnet({ chains: [{ name: 'bench', gasLimit: 60_000_000n }] })
try {
  const chain = devnet.chain('bench')
  const admin = chain.accounts[0]!.address
  const tokenHash = await chain.walletClient.deployContract({
    abi: eraTokenAbi,
    bytecode: eraTokenBytecode,
    args: [admin, parseEra('1000000')],
  })
  const token = (await chain.publicClient.waitForTransactionReceipt({ hash: tokenHash }))
    .contractAddress as Address
  const config = (mode: 'lite' | 'traditional', name: string, stack = domainStack) => ({
    mode,
    domain: { name, tier: 'light' as const, chainId: chain.chainId },
    admin,
    ethUsd,
    params: Object.fromEntries(stack.filter((c) => c.params).map((c) => [c.name, { token }])),
  })

  const runs: { mode: string; index: number; result: DeployDomainReturnType }[] = []
  for (let i = 1; i <= DOMAINS; i++)
    for (const mode of ['traditional', 'lite'] as const)
      runs.push({
        mode,
        index: i,
        result: await deployDomain(chain.walletClient, { config: config(mode, `bench-${i}`) }),
      })
  const gasOf = (mode: string, index: number) =>
    runs.find((r) => r.mode === mode && r.index === index)!.result
  const traditional = gasOf('traditional', 2).gasUsed
  const liteFirst = gasOf('lite', 1)
  const liteSecond = gasOf('lite', 2).gasUsed
  const implementations = liteFirst.transactions
    .filter((t) => !t.label.startsWith('clone '))
    .reduce((s, t) => s + t.gasUsed, 0n)

  // Per contract: traditional = its copy + initialize; lite = its marginal share of the clone call.
  console.log(`\nDeployment gas per contract (domain stack of ${domainStack.length}, light tier)`)
  const rows: string[][] = []
  const cloneFull = (
    await planDeployment(chain.publicClient, { config: config('lite', 'probe'), deployer: admin })
  ).gas
  let marginalSum = 0n
  const planGas = async (stack: typeof domainStack) =>
    (
      await planDeployment(chain.publicClient, {
        config: config('lite', 'probe', stack),
        deployer: admin,
        stack,
      })
    ).gas
  // Gas a component adds to the clone call; when others reference it, measured next to one of them removed.
  const marginalGas = async (c: (typeof domainStack)[number]): Promise<bigint> => {
    try {
      return cloneFull - (await planGas(domainStack.filter((x) => x !== c)))
    } catch {}
    for (const d of domainStack)
      if (d !== c)
        try {
          const withoutD = domainStack.filter((x) => x !== d)
          return (await planGas(withoutD)) - (await planGas(withoutD.filter((x) => x !== c)))
        } catch {}
    throw new Error(`Cannot attribute the clone gas of ${c.name}.`)
  }
  for (const c of domainStack) {
    const trad = gasOf('traditional', 2)
      .transactions.filter((t) => t.label.endsWith(` ${c.name}`))
      .reduce((s, t) => s + t.gasUsed, 0n)
    const impl = liteFirst.transactions.find((t) => t.label.endsWith(` ${c.name}`))?.gasUsed ?? 0n
    const marginal = await marginalGas(c)
    marginalSum += marginal
    rows.push([
      c.name,
      String(trad),
      String(marginal),
      (Number(marginal) / Number(trad)).toFixed(3),
      String(impl),
    ])
  }
  rows.push(['(transaction + factory overhead)', '', String(cloneFull - marginalSum), '', ''])
  rows.push([
    'total per domain',
    String(traditional),
    String(liteSecond),
    (Number(liteSecond) / Number(traditional)).toFixed(3),
    String(implementations),
  ])
  const header = ['contract', 'traditional', 'lite clone', 'ratio', 'lite implementation (once)']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const r of [header, widths.map((w) => '-'.repeat(w)), ...rows])
    console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))

  console.log('\nCumulative gas for N domains on one chain (measured deployments)')
  let tradSum = 0n
  let liteSum = 0n
  const inclRatio: number[] = []
  for (let i = 1; i <= DOMAINS; i++) {
    tradSum += gasOf('traditional', i).gasUsed
    liteSum += gasOf('lite', i).gasUsed
    inclRatio.push(Number(liteSum) / Number(tradSum))
    console.log(
      `  N=${i}: traditional ${tradSum}  lite ${liteSum} (incl. implementations + factory)  ratio ${inclRatio.at(-1)!.toFixed(3)}`,
    )
  }
  const again = await deployDomain(chain.walletClient, { config: config('lite', 'bench-1') })
  console.log(`\nRe-running bench-1 (lite): ${again.status}, ${again.transactions.length} transactions sent.`)

  // The fallback estimator for nodes without eth_simulateV1, on a fresh domain of each mode.
  let fallbackError = 0
  for (const mode of ['traditional', 'lite'] as const) {
    const r = await deployDomain(chain.walletClient, {
      config: config(mode, 'bench-estimategas'),
      estimator: 'estimateGas',
    })
    fallbackError = Math.max(fallbackError, r.estimateError)
  }
  console.log(
    `Fallback estimator (eth_estimateGas + code overrides): largest error ${(fallbackError * 100).toFixed(3)}%.`,
  )
  const errors = runs.map((r) => r.result.estimateError)
  const estimateError = Math.max(...errors)
  const plan = liteFirst.plan
  console.log(
    `Estimate of the first lite plan: ${plan.gas} gas = ${formatEther(plan.costWei)} ETH at ${plan.gasPrice} wei/gas, ` +
      `USD ${(Number(plan.costUsd) / 1e6).toFixed(2)}; used ${liteFirst.gasUsed} (error ${(liteFirst.estimateError * 100).toFixed(3)}%).`,
  )

  // Data availability: one real batch of signed ERC-20 transfers.
  const { transactions } = await generateErc20Batch({
    count: BATCH_TXS,
    senders: 200,
    token,
    chainId: chain.chainId,
  })
  const da = compareDaCosts({ transactions, prices, altDa, ethUsd })
  const idle = compareDaCosts({ transactions, prices: idlePrices, ethUsd })
  console.log(
    `\nBatch of ${BATCH_TXS} signed ERC-20 transfers: raw ${da.sizes.none} B, zlib ${da.sizes.zlib} B, brotli ${da.sizes.brotli} B`,
  )
  console.log(
    `Prices: base fee ${prices.baseFee} wei, priority ${prices.priorityFee} wei, blob base fee ${prices.blobBaseFee} wei (idle market: ${idlePrices.blobBaseFee} wei)`,
  )
  for (const o of da.options) {
    const idleOption = idle.options.find((x) => x.name === o.name)
    console.log(
      `  ${o.name.padEnd(22)} ${String(o.size).padStart(7)} B  ${formatEther(o.costWei).padStart(12)} ETH  ${o.ratioToRawCalldata.toFixed(4)} of raw calldata` +
        (idleOption ? `  | idle blob market ${idleOption.ratioToRawCalldata.toFixed(4)}` : ''),
    )
  }
  const option = (name: string) => da.options.find((o) => o.name === name)!
  // Model vs chain: post the brotli batch to the lite inbox and the raw batch to an address with no code.
  const inbox = gasOf('lite', 1).addresses.contracts.BatchInbox!
  const posted = await postBatch(chain.walletClient, { inbox, transactions, codec: 'brotli' })
  const rawBatch = encodeBatch({ transactions, codec: 'none' })
  const rawHash = await chain.walletClient.sendTransaction({
    to: '0x00000000000000000000000000000000000b0b0b',
    data: rawBatch,
  })
  const rawReceipt = await chain.publicClient.waitForTransactionReceipt({ hash: rawHash })
  const modelRaw = calldataGas({ data: hexToBytes(rawBatch) }).gas
  console.log(
    `On chain: raw batch to an inbox address used ${rawReceipt.gasUsed} gas (model ${modelRaw}); brotli batch through BatchInbox.postBatch used ${posted.gasUsed} gas.`,
  )
  void bytesToHex

  const metrics: Record<string, BenchMetric> = {
    lite_to_traditional_gas_ratio: {
      value: Number(liteSecond) / Number(traditional),
      unit: 'ratio',
      target: 0.1,
      better: 'lower',
    },
    lite_incl_implementations_ratio: {
      value: inclRatio[DOMAINS - 1]!,
      unit: `ratio (${DOMAINS} domains)`,
      target: 0.3,
      better: 'lower',
    },
    lite_incl_implementations_ratio_3_domains: {
      value: inclRatio[2]!,
      unit: 'ratio (3 domains)',
      better: 'lower',
    },
    estimate_error: { value: estimateError, unit: 'ratio', target: 0.05, better: 'lower' },
    estimate_error_estimategas_fallback: {
      value: fallbackError,
      unit: 'ratio',
      target: 0.05,
      better: 'lower',
    },
    blob_compressed_to_raw_calldata_cost: {
      value: option('blob/brotli').ratioToRawCalldata,
      unit: 'ratio',
      target: 0.3,
      better: 'lower',
    },
    blob_compressed_to_raw_calldata_cost_idle_blob_market: {
      value: idle.options.find((o) => o.name === 'blob/brotli')!.ratioToRawCalldata,
      unit: 'ratio',
      better: 'lower',
    },
    calldata_compressed_to_raw_calldata_cost: {
      value: option('calldata/brotli').ratioToRawCalldata,
      unit: 'ratio',
      better: 'lower',
    },
    brotli_ratio_erc20_batch: { value: da.compressionRatio.brotli, unit: 'compressed/raw', better: 'lower' },
    zlib_ratio_erc20_batch: { value: da.compressionRatio.zlib, unit: 'compressed/raw', better: 'lower' },
    traditional_domain_gas: { value: Number(traditional), unit: 'gas', better: 'lower' },
    lite_domain_gas: { value: Number(liteSecond), unit: 'gas', better: 'lower' },
    lite_implementations_gas: { value: Number(implementations), unit: 'gas', better: 'lower' },
    calldata_model_error: {
      value: Math.abs(Number(rawReceipt.gasUsed - modelRaw)) / Number(rawReceipt.gasUsed),
      unit: 'ratio',
      better: 'lower',
    },
  }
  writeResults(packageDir, '@caldera/deploy-lite', metrics)
} finally {
  await devnet.stop()
}
