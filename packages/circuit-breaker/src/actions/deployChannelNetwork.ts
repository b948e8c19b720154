import { eraTokenAbi, eraTokenBytecode } from '@caldera/contracts'
import { domainIdOf, type Tier, tierPresets } from '@caldera/core'
import {
  deployAttestationVerifier,
  deployHybridVerifier,
  deployZkBatchVerifier,
  setMessageCap,
  setValidatorSet,
} from '@caldera/risk-domain'
import { type Address, type Hex, keccak256, type LocalAccount, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { deployContract, waitForTransactionReceipt } from 'viem/actions'
import { type WriteClient, writeAndWait } from '../internal/client.js'
import { check, checkAmountAndPrice, inputSchemas } from '../internal/inputs.js'
import { assertLaneLimits, laneLimitUsd } from '../policy/assertLaneLimits.js'
import { type BreakerPolicy, resolvePolicy } from '../policy/policy.js'
import type { TokenPrice } from '../price/priceSource.js'
import { configureLane } from './configureLane.js'
import { deployChannel } from './deployChannel.js'

export type DeployChannelNetworkParameters = {
  /** One entry per domain; each `walletClient` deploys on its own chain and gets every role. */
  domains: readonly { name: string; tier: Tier; walletClient: WriteClient }[]
  /** Lane limits come from this policy (converted to tokens); it must pass `assertLaneLimits`. */
  policy?: BreakerPolicy
  /** Price of the transfer token (default 1 USD per token of 18 decimals). */
  tokenPrice?: TokenPrice
  /** Attesting validators per domain (default 4) and signatures needed (default 3). */
  validators?: number
  threshold?: number
  /** Tokens minted to each channel as delivery liquidity (default 100,000,000 tokens). */
  liquidity?: bigint
  /**
   * `tiered`: batches from a `zk` (financial) domain are checked by a `ZkBatchVerifier` (Groth16,
   * per-message cap = the source tier's rolling domain limit); from a `hybrid` (enterprise) domain
   * by a `HybridVerifier` (attested submission, challenge window, Groth16 proof above the tier's
   * `zkProofAboveUsd`); from a `simplified` (light) domain by k-of-n attestations.
   * `attestation` (default): attestations for every source.
   */
  verification?: 'attestation' | 'tiered'
  /** Challenge window of hybrid (enterprise) batches with `tiered` verification (default: the tier preset, 1,800 s). */
  challengeWindowSeconds?: number
}

/** A domain of a deployed channel network. */
export type ChannelNetworkDomain = {
  name: string
  tier: Tier
  domainId: Hex
  channel: Address
  /** The transfer token on this domain's chain (an `EraToken`, mintable by the deployer). */
  token: Address
  /** `AttestationVerifier` on this chain, holding every peer's validator set. */
  verifier: Address
  /** `ZkBatchVerifier` on this chain (with `verification: 'tiered'`), capped for each zk and hybrid peer. */
  zkVerifier?: Address
  /** `HybridVerifier` on this chain (with `verification: 'tiered'`), holding the hybrid-tier peers' validators. */
  hybridVerifier?: Address
  /** Per-message cap of this domain's outgoing batches in the peers' `ZkBatchVerifier` (zk tier, `tiered`). */
  zkCap?: bigint
  /** This domain's validators (they attest its outgoing batches). Development keys: never use them for value. */
  validators: LocalAccount[]
}

/**
 * Converts micro-dollars into token base units at `price` (rounded down).
 *
 * @example
 * import { usdToTokens } from '@caldera/circuit-breaker'
 * usdToTokens(1_500_000n, { usdPerUnit: 1n, decimals: 0, tokenDecimals: 18 }) // 1500000000000000000n
 */
export function usdToTokens(usd: bigint, price: TokenPrice): bigint {
  checkAmountAndPrice(usd, price, 'USD amount (micro-dollars)')
  return (usd * 10n ** BigInt(price.tokenDecimals + price.decimals)) / (price.usdPerUnit * 1_000_000n)
}

/**
 * Deterministic development validator keys of a domain, sorted by address (for local networks
 * and tests only: the keys are derivable by anyone).
 *
 * @example
 * import { devValidators } from '@caldera/circuit-breaker'
 * const signers = devValidators('light', 4)
 */
export function devValidators(domain: string, count: number): LocalAccount[] {
  check(inputSchemas.devValidators, [domain, count], 'dev validators (domain, count)')
  return Array.from({ length: count }, (_, i) =>
    privateKeyToAccount(keccak256(stringToHex(`caldera-dev-validator:${domain}:${i}`))),
  ).sort((a, b) => (a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1))
}

/**
 * Deploys a full channel network for local development and tests: on each domain's chain a
 * transfer token, an `AttestationVerifier` with every peer's validators, and a `Channel` with a
 * lane per peer whose on-chain limits come from the breaker policy (single transfer, rolling
 * lane limit, token bucket), after checking the limits against the stake of each lane's weaker
 * side.
 *
 * @example
 * import { deployChannelNetwork } from '@caldera/circuit-breaker'
 * const network = await deployChannelNetwork({
 *   domains: devnet.chains.map((c) => ({ name: c.name, tier: c.name as Tier, walletClient: c.walletClient })),
 * })
 */
export async function deployChannelNetwork(
  parameters: DeployChannelNetworkParameters,
): Promise<{ domains: ChannelNetworkDomain[] }> {
  check(inputSchemas.channelNetwork, parameters, 'channel network parameters')
  const policy = parameters.policy ?? resolvePolicy()
  const price = parameters.tokenPrice ?? { usdPerUnit: 1n, decimals: 0, tokenDecimals: 18 }
  const count = parameters.validators ?? 4
  const threshold = parameters.threshold ?? 3
  const liquidity = parameters.liquidity ?? 100_000_000n * 10n ** 18n
  const tiered = parameters.verification === 'tiered'
  const tierPolicy = { ...policy, domains: { ...policy.domains } }
  for (const d of parameters.domains) tierPolicy.domains[d.name] = d.tier
  assertLaneLimits({ policy: tierPolicy, domains: parameters.domains })

  const domains = await Promise.all(
    parameters.domains.map(async (d): Promise<ChannelNetworkDomain> => {
      const client = d.walletClient
      const hash = await deployContract(client, {
        abi: eraTokenAbi,
        bytecode: eraTokenBytecode,
        args: [client.account.address, liquidity],
        account: client.account,
        chain: client.chain,
      } as never)
      const { contractAddress: token } = await waitForTransactionReceipt(client, {
        hash,
        pollingInterval: 20,
      })
      const { address: verifier } = await deployAttestationVerifier(client as never, {})
      const zkVerifier = tiered ? (await deployZkBatchVerifier(client as never, {})).address : undefined
      const hybridVerifier = tiered
        ? (
            await deployHybridVerifier(client as never, {
              challengeWindowSeconds:
                parameters.challengeWindowSeconds ?? tierPresets.enterprise.challengeWindowSeconds,
              zkProofAboveAmount: usdToTokens(tierPresets.enterprise.zkProofAboveUsd ?? 0n, price),
              zkVerifier: zkVerifier!,
            })
          ).address
        : undefined
      const { address: channel } = await deployChannel(client, { domain: d.name, token: token! })
      await writeAndWait(client, {
        address: token!,
        abi: eraTokenAbi,
        functionName: 'transfer',
        args: [channel, liquidity],
      })
      return {
        name: d.name,
        tier: d.tier,
        domainId: domainIdOf(d.name),
        channel,
        token: token!,
        verifier,
        ...(zkVerifier ? { zkVerifier } : {}),
        ...(hybridVerifier ? { hybridVerifier } : {}),
        ...(tiered && tierPresets[d.tier].proofSystem !== 'simplified'
          ? { zkCap: usdToTokens(policy.tiers[d.tier].rolling.domainLimitUsd, price) }
          : {}),
        validators: devValidators(d.name, count),
      }
    }),
  )

  await Promise.all(
    parameters.domains.map(async (d, i) => {
      const self = domains[i]!
      const tp = policy.tiers[d.tier]
      for (const peer of domains) {
        if (peer.name === d.name) continue
        await setValidatorSet(d.walletClient as never, {
          verifier: self.verifier,
          domainId: peer.domainId,
          validators: peer.validators.map((v) => v.address),
          threshold,
        })
        const system = tiered ? tierPresets[peer.tier].proofSystem : 'simplified'
        if (system !== 'simplified')
          await setMessageCap(d.walletClient as never, {
            verifier: self.zkVerifier!,
            domainId: peer.domainId,
            cap: peer.zkCap!,
          })
        // A zk peer's batches are authenticated by its signers' attestations next to the proof.
        if (system === 'hybrid' || system === 'zk')
          await setValidatorSet(d.walletClient as never, {
            verifier: system === 'zk' ? self.zkVerifier! : self.hybridVerifier!,
            domainId: peer.domainId,
            validators: peer.validators.map((v) => v.address),
            threshold,
          })
        await configureLane(d.walletClient, {
          channel: self.channel,
          peer: peer.name,
          verifier:
            system === 'zk' ? self.zkVerifier! : system === 'hybrid' ? self.hybridVerifier! : self.verifier,
          maxTransfer: usdToTokens(tp.singleTransferUsd, price),
          windowLimit: usdToTokens(laneLimitUsd(tierPolicy, d.name, peer.name), price),
          windowSeconds: Math.round(tp.rolling.windowSeconds),
          bucketCapacity: usdToTokens(tp.tokenBucket.capacityUsd, price),
          refillPerSecond: usdToTokens(tp.tokenBucket.refillUsdPerSecond, price),
        })
      }
    }),
  )
  return { domains }
}
