import {
  deployInitializedClone,
  paymentVersusPaymentEscrowAbi,
  paymentVersusPaymentEscrowBytecode,
} from '@caldera/contracts'
import { addressSchema, bigintSchema, bytes32Schema, parse, positiveAmountSchema } from '@caldera/core'
import { type Address, erc20Abi, type Hash, type Hex, parseEventLogs, zeroAddress } from 'viem'
import { readContract } from 'viem/actions'
import { z } from 'zod'
import { deployCode, type ReadClient, type WriteClient, writeAndWait } from '../internal/client.js'
import { check, inputSchemas } from '../internal/inputs.js'

/** Status of a PvP trade. */
export type PvpTradeStatus = 'None' | 'Open' | 'Settled' | 'Refunded'

/** A PvP trade as stored on chain. */
export type PvpTrade = {
  partyA: Address
  tokenA: Address
  amountA: bigint
  partyB: Address
  tokenB: Address
  amountB: bigint
  deadline: bigint
  fundedA: boolean
  fundedB: boolean
  status: PvpTradeStatus
}

const statuses: readonly PvpTradeStatus[] = ['None', 'Open', 'Settled', 'Refunded']

const createTradeSchema = z.object({
  escrow: addressSchema,
  partyA: addressSchema,
  tokenA: addressSchema,
  amountA: positiveAmountSchema,
  partyB: addressSchema,
  tokenB: addressSchema,
  amountB: positiveAmountSchema,
  deadline: bigintSchema,
})
const tradeRefSchema = z.object({ escrow: addressSchema, tradeId: bytes32Schema })

/**
 * Deploys a `PaymentVersusPaymentEscrow` (clone of an implementation, deployed too unless
 * given) initialised in the same transaction, optionally screening parties against a sanctions
 * registry.
 *
 * @example
 * import { deployPvpEscrow } from '@caldera/compliance'
 * const { address } = await deployPvpEscrow(walletClient, { sanctionsList: registry })
 */
export async function deployPvpEscrow(
  client: WriteClient,
  parameters: { sanctionsList?: Address; implementation?: Address } = {},
): Promise<{ address: Address; implementation: Address }> {
  check(inputSchemas.pvpEscrow, parameters, 'PvP escrow parameters')
  const implementation =
    parameters.implementation ?? (await deployCode(client, paymentVersusPaymentEscrowBytecode))
  const { address } = await deployInitializedClone(client, {
    implementation,
    abi: paymentVersusPaymentEscrowAbi,
    args: [parameters.sanctionsList ?? zeroAddress],
  })
  return { address, implementation }
}

/**
 * Opens a payment-versus-payment trade: A pays `amountA` of `tokenA` to B, B pays `amountB` of
 * `tokenB` to A, both or neither, before `deadline` (unix seconds).
 *
 * @example
 * import { createPvpTrade } from '@caldera/compliance'
 * const { tradeId } = await createPvpTrade(walletClient, { escrow, partyA, tokenA, amountA, partyB, tokenB, amountB, deadline })
 */
export async function createPvpTrade(
  client: WriteClient,
  parameters: {
    escrow: Address
    partyA: Address
    tokenA: Address
    amountA: bigint
    partyB: Address
    tokenB: Address
    amountB: bigint
    deadline: bigint
  },
): Promise<{ tradeId: Hex; hash: Hash }> {
  const p = parse(createTradeSchema, parameters, 'PvP trade')
  const { hash, receipt } = await writeAndWait(client, {
    address: p.escrow,
    abi: paymentVersusPaymentEscrowAbi,
    functionName: 'createTrade',
    args: [p.partyA, p.tokenA, p.amountA, p.partyB, p.tokenB, p.amountB, p.deadline],
  })
  const [log] = parseEventLogs({
    abi: paymentVersusPaymentEscrowAbi,
    eventName: 'TradeCreated',
    logs: receipt.logs,
  })
  return { tradeId: log!.args.tradeId, hash }
}

/**
 * Reads a trade.
 *
 * @example
 * import { getPvpTrade } from '@caldera/compliance'
 * const trade = await getPvpTrade(publicClient, { escrow, tradeId })
 */
export async function getPvpTrade(
  client: ReadClient,
  parameters: { escrow: Address; tradeId: Hex },
): Promise<PvpTrade> {
  check(inputSchemas.pvpTrade, parameters, 'getPvpTrade parameters')
  const [partyA, tokenA, amountA, partyB, tokenB, amountB, deadline, fundedA, fundedB, status] =
    await readContract(client, {
      address: parameters.escrow,
      abi: paymentVersusPaymentEscrowAbi,
      functionName: 'trades',
      args: [parameters.tradeId],
    })
  return {
    partyA,
    tokenA,
    amountA,
    partyB,
    tokenB,
    amountB,
    deadline,
    fundedA,
    fundedB,
    status: statuses[status] ?? 'None',
  }
}

/**
 * Deposits the caller's leg of a trade (approving the escrow for the token first). When the
 * other leg is already in, both legs settle in this transaction.
 *
 * @returns The hash and whether the trade settled.
 *
 * @example
 * import { fundPvpTrade } from '@caldera/compliance'
 * const { settled } = await fundPvpTrade(walletClientB, { escrow, tradeId })
 */
export async function fundPvpTrade(
  client: WriteClient,
  parameters: { escrow: Address; tradeId: Hex },
): Promise<{ hash: Hash; settled: boolean }> {
  parse(tradeRefSchema, parameters, 'PvP trade reference')
  const trade = await getPvpTrade(client, parameters)
  const me = client.account.address.toLowerCase()
  const isA = trade.partyA.toLowerCase() === me
  await writeAndWait(client, {
    address: isA ? trade.tokenA : trade.tokenB,
    abi: erc20Abi,
    functionName: 'approve',
    args: [parameters.escrow, isA ? trade.amountA : trade.amountB],
  })
  const { hash, receipt } = await writeAndWait(client, {
    address: parameters.escrow,
    abi: paymentVersusPaymentEscrowAbi,
    functionName: 'fund',
    args: [parameters.tradeId],
  })
  const settled =
    parseEventLogs({ abi: paymentVersusPaymentEscrowAbi, eventName: 'TradeSettled', logs: receipt.logs })
      .length > 0
  return { hash, settled }
}

/**
 * After the deadline, returns every deposited leg of an unsettled trade to its payer.
 *
 * @example
 * import { refundPvpTrade } from '@caldera/compliance'
 * await refundPvpTrade(walletClient, { escrow, tradeId })
 */
export async function refundPvpTrade(
  client: WriteClient,
  parameters: { escrow: Address; tradeId: Hex },
): Promise<{ hash: Hash; refundedA: boolean; refundedB: boolean }> {
  parse(tradeRefSchema, parameters, 'PvP trade reference')
  const { hash, receipt } = await writeAndWait(client, {
    address: parameters.escrow,
    abi: paymentVersusPaymentEscrowAbi,
    functionName: 'refund',
    args: [parameters.tradeId],
  })
  const [log] = parseEventLogs({
    abi: paymentVersusPaymentEscrowAbi,
    eventName: 'TradeRefunded',
    logs: receipt.logs,
  })
  return { hash, refundedA: log!.args.refundedA, refundedB: log!.args.refundedB }
}
