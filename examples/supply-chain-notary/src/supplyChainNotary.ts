import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { startDevnet } from '@caldera/devnet'
import {
  type Disclosure,
  defineRecordSchema,
  generateKeyPair,
  isNullifierUsed,
  NotarizationTree,
  OutOfRangeError,
  openRecord,
  proveDisclosure,
  sealRecord,
  terminateProver,
} from '@caldera/privacy-zk'
import { createCaldera } from '@caldera/sdk'
import { type Address, createWalletClient, http, parseEther } from 'viem'
import { deployContract, waitForTransactionReceipt } from 'viem/actions'
import { extremes, shipments } from './shipments.js'

export type SupplyChainResult = {
  deployment: { contracts: number; domainGas: bigint; transactions: number }
  notarized: { root: bigint; records: number; onChain: boolean }
  buyerChecks: { shipment: string; field: string; verifiedOnChain: boolean; gasUsed: bigint }[]
  replayRejected: boolean
  refused: { shipment: string; reason: string }[]
  auditor: { shipment: string; readings: string }[]
  proved: string[]
}

/** The cold-chain record: one public field, the rest encrypted and committed. */
const shipmentRecord = defineRecordSchema({
  name: 'vaccine-shipment',
  fields: {
    shipmentId: { type: 'string', privacy: 'public' },
    carrier: { type: 'enum', values: ['NordFreight', 'ColdLine'] },
    lowestTemperature: { type: 'decimal', decimals: 2 },
    peakTemperature: { type: 'decimal', decimals: 2 },
    readings: { type: 'string' },
  },
})

/**
 * A vaccine maker runs an enterprise domain (deployed with deploy-lite), notarizes each shipment
 * as an encrypted record and proves to the buyer, on chain, that the cold chain stayed within
 * 2–8 °C; the buyer never sees a reading; the auditor decrypts everything with a view key.
 */
export async function runSupplyChainNotary(
  log: (line: string) => void = console.log,
): Promise<SupplyChainResult> {
  const devnet = await startDevnet({ chains: [{ name: 'pharma', accounts: 3 }] })
  try {
    const chain = devnet.chain('pharma')
    const era = await deployEra(chain.walletClient, chain.publicClient)

    // 1. The enterprise domain: its whole contract stack in one deploy-lite transaction.
    const caldera = createCaldera({
      domains: [
        {
          name: 'pharma',
          tier: 'enterprise',
          publicClient: chain.publicClient,
          walletClient: chain.walletClient,
        },
      ],
    })
    const deployed = await caldera.deploy.domain('pharma', {
      params: { Channel: { token: era }, StakingRegistry: { token: era } },
    })
    const kind = new Map(deployed.plan.steps.map((s) => [s.label, s.kind]))
    const domainGas = deployed.transactions
      .filter((t) => kind.get(t.label) === 'domain')
      .reduce((s, t) => s + t.gasUsed, 0n)
    log(
      `Deployed the enterprise domain "pharma": ${Object.keys(deployed.addresses.contracts).length} contracts, ` +
        `the domain itself in one transaction of ${domainGas.toLocaleString('en-US')} gas.`,
    )

    // 2. Seal every shipment for the maker and the auditor, and notarize the commitments on chain.
    const maker = generateKeyPair()
    const auditor = generateKeyPair() // the auditor's view key
    const tree = new NotarizationTree()
    const sealedShipments = shipments.map((s) => {
      const { lowest, peak } = extremes(s.readings)
      const { record, sealed } = sealRecord({
        schema: shipmentRecord,
        values: {
          shipmentId: s.id,
          carrier: s.carrier,
          lowestTemperature: lowest,
          peakTemperature: peak,
          readings: s.readings.join(' '),
        },
        recipients: [maker.publicKey],
        auditors: [auditor.publicKey],
      })
      return { shipment: s, record, sealed, index: tree.insert(record.commitment) }
    })
    await caldera.privacy.notarize('pharma', { root: tree.root, recordCount: tree.size })
    const onChain = await caldera.privacy.isNotarized('pharma', { root: tree.root })
    log(
      `Notarized ${tree.size} encrypted shipment records; root ${tree.root.toString(16).slice(0, 12)}… is on chain: ${onChain}.`,
    )

    // 3. The maker proves each shipment's lowest and peak reading lie within 2–8 °C; the buyer
    //    checks the proofs ON CHAIN with its own account and never sees a reading.
    const buyerWallet = createWalletClient({
      account: chain.accounts[1]!,
      chain: chain.walletClient.chain,
      transport: http(chain.rpcUrl),
    })
    const buyer = createCaldera({
      domains: [
        {
          name: 'pharma',
          tier: 'enterprise',
          publicClient: chain.publicClient,
          walletClient: buyerWallet,
          contracts: caldera.domains.pharma!.contracts,
        },
      ],
    })
    const buyerChecks: SupplyChainResult['buyerChecks'] = []
    const refused: SupplyChainResult['refused'] = []
    let first: Disclosure | undefined
    for (const { shipment, record, index } of sealedShipments) {
      const proofs: Disclosure[] = []
      try {
        for (const field of ['lowestTemperature', 'peakTemperature'])
          proofs.push(
            await proveDisclosure({
              record,
              field,
              range: { min: '2', max: '8' },
              merkleProof: tree.proof(index),
              scope: shipment.purchaseOrder,
            }),
          )
      } catch (error) {
        if (!(error instanceof OutOfRangeError)) throw error
        refused.push({ shipment: shipment.id, reason: error.shortMessage })
        log(`${shipment.id}: no proof exists, the cold chain broke (${error.shortMessage})`)
        continue
      }
      for (const disclosure of proofs) {
        const { receipt } = await buyer.privacy.disclose('pharma', { disclosure })
        const spent = await isNullifierUsed(chain.publicClient, {
          verifier: caldera.domains.pharma!.contracts.DisclosureVerifier!,
          nullifier: disclosure.nullifier,
        })
        buyerChecks.push({
          shipment: shipment.id,
          field: disclosure.decoded.field,
          verifiedOnChain: receipt.status === 'success' && spent,
          gasUsed: receipt.gasUsed,
        })
        first ??= disclosure
      }
      log(
        `${shipment.id}: the buyer verified on chain that every reading stayed within 2–8 °C (PO ${shipment.purchaseOrder}).`,
      )
    }
    let replayRejected = false
    try {
      await buyer.privacy.disclose('pharma', { disclosure: first! })
    } catch (error) {
      replayRejected = /NullifierAlreadyUsed/.test(String((error as Error).message))
    }
    log(
      `Submitting the same proof again is ${replayRejected ? 'rejected (NullifierAlreadyUsed)' : 'NOT rejected'}.`,
    )

    // 4. The auditor opens every record with the view key.
    const auditorView = sealedShipments.map(({ shipment, sealed }) => {
      const opened = openRecord({ schema: shipmentRecord, sealed, privateKey: auditor.privateKey })
      return { shipment: shipment.id, readings: String(opened.values.readings) }
    })
    for (const a of auditorView) log(`Auditor opened ${a.shipment}: ${a.readings} °C`)

    const proved: string[] = []
    const result: SupplyChainResult = {
      deployment: {
        contracts: Object.keys(deployed.addresses.contracts).length,
        domainGas,
        transactions: deployed.transactions.length,
      },
      notarized: { root: tree.root, records: tree.size, onChain },
      buyerChecks,
      replayRejected,
      refused,
      auditor: auditorView,
      proved,
    }
    if (domainGas > 0n)
      proved.push('The enterprise domain was deployed with deploy-lite (its stack in one transaction).')
    if (onChain)
      proved.push(
        `${tree.size} shipments were notarized as encrypted records (only commitments are on chain).`,
      )
    const okShipments = new Set(buyerChecks.filter((c) => c.verifiedOnChain).map((c) => c.shipment))
    if (okShipments.size > 0 && buyerChecks.every((c) => c.verifiedOnChain))
      proved.push(
        `The buyer verified on chain that ${[...okShipments].join(' and ')} stayed within 2–8 °C without seeing a reading.`,
      )
    if (refused.length > 0)
      proved.push(`No proof could be made for ${refused.map((r) => r.shipment).join(', ')} (out of range).`)
    if (replayRejected) proved.push('A proof cannot be replayed (its nullifier is spent on chain).')
    if (auditorView.every((a, i) => a.readings === shipments[i]!.readings.join(' ')))
      proved.push('The auditor decrypted every record, readings included, with the view key.')
    log('Proved:')
    for (const line of proved) log(`- ${line}`)
    return result
  } finally {
    await terminateProver()
    await devnet.stop()
  }
}

async function deployEra(
  wallet: ReturnType<Awaited<ReturnType<typeof startDevnet>>['chain']>['walletClient'],
  reader: ReturnType<Awaited<ReturnType<typeof startDevnet>>['chain']>['publicClient'],
): Promise<Address> {
  const hash = await deployContract(wallet, {
    abi: eraTokenAbi,
    bytecode: eraTokenBytecode,
    args: [wallet.account.address, parseEther('10000000')],
  })
  return (await waitForTransactionReceipt(reader, { hash })).contractAddress as Address
}
