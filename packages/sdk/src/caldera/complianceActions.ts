import {
  type AmlMonitor,
  type CreateAmlMonitorParameters,
  createAmlMonitor,
  createPvpTrade,
  deployPvpEscrow,
  fundPvpTrade,
  getPvpTrade,
  type PvpTrade,
  refundPvpTrade,
} from '@caldera/compliance'
import type { Address, Hash, Hex } from 'viem'
import type { CalderaDomain } from './config.js'
import { MissingContractError, MissingWalletError } from './errors.js'

/** A payment-versus-payment trade to create on a domain's escrow. */
export type CalderaPvpTradeInput = {
  partyA: Address
  tokenA: Address
  amountA: bigint
  partyB: Address
  tokenB: Address
  amountB: bigint
  /** Unix seconds after which unfunded legs are refunded. */
  deadline: bigint
}

/** Compliance actions of a Caldera instance (`caldera.compliance`), built on `@caldera/compliance`. */
export type CalderaComplianceActions = {
  /** A streaming AML monitor (rules, typologies, sanctions screening, hash-chained audit log). */
  createMonitor(parameters?: CreateAmlMonitorParameters): AmlMonitor
  /** Payment-versus-payment escrow on a domain's chain: both legs settle in one transaction or neither does. */
  pvp: {
    /** Deploys the escrow and records it as `contracts.PaymentVersusPaymentEscrow`. */
    deploy(domain: string, options?: { sanctionsList?: Address }): Promise<{ address: Address }>
    create(domain: string, trade: CalderaPvpTradeInput): Promise<{ tradeId: Hex; hash: Hash }>
    /** Funds the caller's leg; `settled` when this completed both legs. */
    fund(domain: string, options: { tradeId: Hex }): Promise<{ hash: Hash; settled: boolean }>
    get(domain: string, options: { tradeId: Hex }): Promise<PvpTrade>
    refund(
      domain: string,
      options: { tradeId: Hex },
    ): Promise<{ hash: Hash; refundedA: boolean; refundedB: boolean }>
  }
}

const ESCROW = 'PaymentVersusPaymentEscrow'

export function complianceActions(domainOf: (name: string) => CalderaDomain): CalderaComplianceActions {
  const walletOf = (d: CalderaDomain) => {
    if (!d.walletClient) throw new MissingWalletError({ domain: d.name })
    return d.walletClient
  }
  const escrowOf = (d: CalderaDomain) => {
    const escrow = d.contracts[ESCROW]
    if (!escrow) throw new MissingContractError({ domain: d.name, contract: ESCROW })
    return escrow
  }
  return {
    createMonitor: (parameters = {}) => createAmlMonitor(parameters),
    pvp: {
      async deploy(name, options = {}) {
        const d = domainOf(name)
        const { address } = await deployPvpEscrow(walletOf(d), options)
        d.contracts[ESCROW] = address
        return { address }
      },
      create(name, trade) {
        const d = domainOf(name)
        return createPvpTrade(walletOf(d), { escrow: escrowOf(d), ...trade })
      },
      fund(name, { tradeId }) {
        const d = domainOf(name)
        return fundPvpTrade(walletOf(d), { escrow: escrowOf(d), tradeId })
      },
      get(name, { tradeId }) {
        const d = domainOf(name)
        return getPvpTrade(d.publicClient, { escrow: escrowOf(d), tradeId })
      },
      refund(name, { tradeId }) {
        const d = domainOf(name)
        return refundPvpTrade(walletOf(d), { escrow: escrowOf(d), tradeId })
      },
    },
  }
}
