import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  buildIvms101Payload,
  convert,
  createRateSource,
  deploySanctionsRegistry,
  type Ivms101Payload,
  netObligations,
  ofacEthList,
  syncSanctionsRegistry,
  toPacs008,
  travelRuleApplies,
} from '@caldera/compliance'
import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { startDevnet } from '@caldera/devnet'
import { createCaldera } from '@caldera/sdk'
import { type Address, createWalletClient, http } from 'viem'
import { deployContract, readContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { type Bank, banks, businessDay, type Customer, type Payment, payments } from './payments.js'

export type CrossBorderResult = {
  screened: number
  blocked: { id: string; rule: string; reason: string }[]
  travelRule: { id: string; payload: Ivms101Payload }[]
  netting: {
    instructions: { from: string; to: string; currency: string; amount: bigint }[]
    fundingReduction: number
  }
  pacs008Path: string
  pacs008Transactions: number
  settlement: {
    tradeId: string
    settled: boolean
    status: string
    balances: Record<string, Record<string, bigint>>
  }
  proved: string[]
}

/** Token base units (18 decimals) per cent (2 decimals). */
const CENT = 10n ** 16n

/**
 * One business day of cross-border payments between a German and a US bank on a financial
 * domain: every payment is screened (AML monitor + OFAC list) and carries an IVMS101 travel-rule
 * payload above the threshold; the accepted payments are netted per currency, exported as one
 * ISO 20022 pacs.008 message, and the two net positions settle atomically through the
 * payment-versus-payment escrow (EUR against USD) on chain.
 */
export async function runCrossBorderSettlement(options: {
  outDir: string
  log?: (line: string) => void
}): Promise<CrossBorderResult> {
  const log = options.log ?? console.log
  const devnet = await startDevnet({ chains: [{ name: 'settlement', accounts: 3 }] })
  try {
    const chain = devnet.chain('settlement')
    const wallet = (i: number) =>
      createWalletClient({
        account: chain.accounts[i]!,
        chain: chain.walletClient.chain,
        transport: http(chain.rpcUrl),
      })
    const bankWallet = { 'BANK-EU': wallet(1), 'BANK-US': wallet(2) }
    const caldera = createCaldera({
      domains: [
        {
          name: 'settlement',
          tier: 'financial',
          publicClient: chain.publicClient,
          walletClient: chain.walletClient,
        },
      ],
    })
    log(`Started the financial settlement domain (chain ${chain.chainId}).`)

    // On chain: tokenized EUR and USD deposits, the OFAC list as of the business day, the PvP escrow.
    const eur = await deployToken(chain, 'EUR')
    const usd = await deployToken(chain, 'USD')
    for (const [token, amount] of [
      [eur, 1_000_000_00n],
      [usd, 1_000_000_00n],
    ] as const)
      for (const bank of Object.values(bankWallet))
        await send(chain, {
          address: token,
          functionName: 'transfer',
          args: [bank.account.address, amount * CENT],
        })
    const sanctions = ofacEthList()
    const { address: registry } = await deploySanctionsRegistry(chain.walletClient)
    const synced = await syncSanctionsRegistry(chain.walletClient, {
      registry,
      list: sanctions,
      at: businessDay,
    })
    const { address: escrow } = await caldera.compliance.pvp.deploy('settlement', { sanctionsList: registry })
    log(
      `Deployed tokenized EUR and USD, a sanctions registry (${synced.listed} OFAC addresses) and the PvP escrow.`,
    )

    // 1. Screen every payment; attach a travel-rule payload where the rule applies.
    const rates = createRateSource({ rates: [{ base: 'EUR', quote: 'USD', rate: '1.0850' }] })
    const monitor = caldera.compliance.createMonitor({
      config: { jurisdiction: 'US' },
      sanctions: [sanctions],
    })
    const accepted: Payment[] = []
    const blocked: CrossBorderResult['blocked'] = []
    const travelRule: CrossBorderResult['travelRule'] = []
    for (const p of payments) {
      const usdValue = convert({
        rates,
        from: { amount: p.amount, decimals: 2, currency: p.currency },
        to: { currency: 'USD', decimals: 6 },
      }).amount
      const alerts = monitor.ingest({
        id: p.id,
        from: p.from.wallet,
        to: p.to.wallet,
        usd: usdValue,
        timestamp: p.at,
      })
      const stop = alerts.find((a) => a.ruleId === 'sanctions')
      if (stop) {
        blocked.push({ id: p.id, rule: stop.ruleId, reason: stop.reason })
        continue
      }
      if (travelRuleApplies({ jurisdiction: 'US', usd: usdValue }).required)
        travelRule.push({
          id: p.id,
          payload: buildIvms101Payload({
            originator: { ...person(p.from), accountNumber: p.from.wallet },
            beneficiary: { ...person(p.to), accountNumber: p.to.wallet },
            originatingVasp: vasp(banks[p.from.bank]),
            beneficiaryVasp: vasp(banks[p.to.bank]),
          }),
        })
      accepted.push(p)
    }
    log(
      `Screened ${payments.length} payments: ${blocked.length} blocked (${blocked.map((b) => `${b.id}: ${b.reason}`).join('; ')}), ` +
        `${travelRule.length} with an IVMS101 travel-rule payload.`,
    )

    // 2. Net the day's interbank obligations per currency.
    const net = netObligations({
      obligations: accepted.map((p) => ({
        from: p.from.bank,
        to: p.to.bank,
        currency: p.currency,
        amount: p.amount,
      })),
      rates,
    })
    log(
      `Netted ${accepted.length} obligations into ${net.instructions.length} instructions ` +
        `(${net.instructions.map((i) => `${i.from} pays ${i.to} ${i.currency} ${fmt(i.amount)}`).join(', ')}); ` +
        `funding needs fell by ${(net.fundingReduction * 100).toFixed(1)} %.`,
    )

    // 3. Export the accepted payments as one ISO 20022 pacs.008 message.
    const xml = toPacs008({
      messageId: 'CALDERA-20250219-001',
      createdAt: new Date((businessDay + 17 * 3600) * 1000),
      settlementMethod: 'CLRG',
      settlementDate: '2025-02-19',
      transactions: accepted.map((p) => ({
        endToEndId: p.id,
        amount: p.amount,
        currency: p.currency,
        debtor: { name: partyName(p.from) },
        debtorAgent: { bic: banks[p.from.bank].bic },
        creditorAgent: { bic: banks[p.to.bank].bic },
        creditor: { name: partyName(p.to) },
      })),
    })
    await mkdir(options.outDir, { recursive: true })
    const pacs008Path = join(options.outDir, 'pacs008.xml')
    await writeFile(pacs008Path, xml)
    log(`Exported ${accepted.length} payments as pacs.008.001.09 to ${pacs008Path}.`)

    // 4. Settle the two net positions payment-versus-payment: both legs in one transaction or neither.
    const usdLeg = net.instructions.find((i) => i.currency === 'USD')!
    const eurLeg = net.instructions.find((i) => i.currency === 'EUR')!
    const partyA = usdLeg.from as Bank['id']
    const partyB = eurLeg.from as Bank['id']
    const { tradeId } = await caldera.compliance.pvp.create('settlement', {
      partyA: bankWallet[partyA].account.address,
      tokenA: usd,
      amountA: usdLeg.amount * CENT,
      partyB: bankWallet[partyB].account.address,
      tokenB: eur,
      amountB: eurLeg.amount * CENT,
      deadline: BigInt(Math.floor(Date.now() / 1000) + 3600),
    })
    const bankCaldera = (id: Bank['id']) =>
      createCaldera({
        domains: [
          {
            name: 'settlement',
            tier: 'financial',
            publicClient: chain.publicClient,
            walletClient: bankWallet[id],
            contracts: { PaymentVersusPaymentEscrow: escrow },
          },
        ],
      })
    const first = await bankCaldera(partyA).compliance.pvp.fund('settlement', { tradeId })
    const second = await bankCaldera(partyB).compliance.pvp.fund('settlement', { tradeId })
    const trade = await caldera.compliance.pvp.get('settlement', { tradeId })
    const balances: Record<string, Record<string, bigint>> = {}
    for (const id of ['BANK-EU', 'BANK-US'] as const) {
      balances[id] = {}
      for (const [cur, token] of [
        ['EUR', eur],
        ['USD', usd],
      ] as const)
        balances[id]![cur] =
          (await readContract(chain.publicClient, {
            address: token,
            abi: eraTokenAbi,
            functionName: 'balanceOf',
            args: [bankWallet[id].account.address],
          })) / CENT
    }
    log(
      `PvP settlement ${tradeId.slice(0, 10)}…: ${partyA} funded USD ${fmt(usdLeg.amount)} (settled: ${first.settled}), ` +
        `${partyB} funded EUR ${fmt(eurLeg.amount)} (settled: ${second.settled}); trade ${trade.status}.`,
    )

    const proved: string[] = []
    const result: CrossBorderResult = {
      screened: payments.length,
      blocked,
      travelRule,
      netting: { instructions: net.instructions, fundingReduction: net.fundingReduction },
      pacs008Path,
      pacs008Transactions: accepted.length,
      settlement: { tradeId, settled: second.settled, status: String(trade.status), balances },
      proved,
    }
    if (blocked.length > 0)
      proved.push(
        `Every payment was screened; ${blocked.map((b) => b.id).join(', ')} to a sanctioned address was stopped.`,
      )
    if (travelRule.length > 0)
      proved.push(
        `${travelRule.length} payments at or above the US travel-rule threshold carry a valid IVMS101 payload.`,
      )
    if (net.fundingReduction > 0)
      proved.push(`Netting cut the day's funding needs by ${(net.fundingReduction * 100).toFixed(1)} %.`)
    proved.push(`The ${accepted.length} accepted payments were exported as one pacs.008.001.09 message.`)
    if (!first.settled && second.settled)
      proved.push('Both net positions settled in one transaction through the PvP escrow (neither leg alone).')
    log('Proved:')
    for (const line of proved) log(`- ${line}`)
    return result
  } finally {
    await devnet.stop()
  }
}

type Chain = ReturnType<Awaited<ReturnType<typeof startDevnet>>['chain']>

async function deployToken(chain: Chain, _currency: string): Promise<Address> {
  const hash = await deployContract(chain.walletClient, {
    abi: eraTokenAbi,
    bytecode: eraTokenBytecode,
    args: [chain.walletClient.account.address, 10_000_000_00n * CENT],
  })
  return (await waitForTransactionReceipt(chain.publicClient, { hash })).contractAddress as Address
}

async function send(
  chain: Chain,
  call: { address: Address; functionName: 'transfer'; args: readonly [Address, bigint] },
) {
  const hash = await writeContract(chain.walletClient, { ...call, abi: eraTokenAbi })
  await waitForTransactionReceipt(chain.publicClient, { hash })
}

function person(c: Customer) {
  return c.company
    ? ({ type: 'legal', name: c.company } as const)
    : ({
        type: 'natural',
        lastName: c.lastName,
        firstName: c.firstName!,
        customerId: c.wallet.slice(2, 12),
      } as const)
}

function vasp(bank: Bank) {
  return { name: bank.name, lei: bank.lei, countryOfRegistration: bank.country }
}

function partyName(c: Customer): string {
  return c.company ?? `${c.firstName} ${c.lastName}`
}

function fmt(cents: bigint): string {
  return `${(cents / 100n).toLocaleString('en-US')}.${(cents % 100n).toString().padStart(2, '0')}`
}
