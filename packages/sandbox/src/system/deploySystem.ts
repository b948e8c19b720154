import { type BreakerPolicy, configureLane, laneLimitUsd, resolvePolicy } from '@caldera/circuit-breaker'
import {
  channelAbi,
  eraTokenAbi,
  eraTokenBytecode,
  sandboxWorkloadAbi,
  stakingRegistryAbi,
} from '@caldera/contracts'
import { domainIdOf, type Tier, tierPresets } from '@caldera/core'
import { deployDomain } from '@caldera/deploy-lite'
import {
  activateDomain,
  attestationThreshold,
  bondStake,
  defineDomain,
  registerDomain,
  setValidatorSet,
} from '@caldera/risk-domain'
import {
  type Account,
  type Address,
  type Chain,
  createWalletClient,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  type LocalAccount,
  maxUint256,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { ScenarioError } from '../errors/sandbox.js'
import { check, inputSchemas } from '../internal/inputs.js'
import { deriveLoadAccounts, type LoadAccount } from '../load/accounts.js'
import { sendSignedBatch } from '../load/sendSigned.js'

/** A domain's deployed system: the lite-deployed stack, its validators and its operators. */
export type SystemDomain = {
  name: string
  tier: Tier
  chainId: number
  rpcUrl: string
  wsUrl?: string
  domainId: Hex
  /** ERA on this chain: bonded by validators and moved across channels (valued at 1 USD). */
  token: Address
  channel: Address
  verifier: Address
  stakingRegistry: Address
  domainRegistry: Address
  /** Every contract deploy-lite created, by component name. */
  contracts: Record<string, Address>
  /** Gas of the lite deployment (all its transactions). */
  deployGas: bigint
  /** Validators registered and bonded to meet the tier's profile. */
  validators: LoadAccount[]
  /** The attestation committee: up to {@link COMMITTEE_SIZE} validators, sorted by address. */
  committee: LocalAccount[]
  /** Signatures a batch from this domain needs on its peers' verifiers (the tier's quorum of the committee). */
  threshold: number
  /** Rolling-window limit of each outgoing lane, by peer name (micro-dollars). */
  laneLimitUsd: Record<string, bigint>
  /** Accounts that send cross-domain transfers (funded with ETH and ERA, channel approved). */
  settlers: LoadAccount[]
  /** The attacker's account (funded, approved). */
  attacker: LoadAccount
  /** The watcher's and the relayer's wallets (own accounts, so their nonces never collide). */
  watcherWallet: WalletClient<Transport, Chain, Account>
  relayerWallet: WalletClient<Transport, Chain, Account>
  adminWallet: WalletClient<Transport, Chain, Account>
  publicClient: PublicClient<Transport, Chain>
}

/**
 * Validators that attest a domain's outgoing batches. The relayer's batch gas budget fits about
 * this many ECDSA checks, so larger validator sets attest through a committee of this size (the
 * tier's quorum applies to the committee).
 */
export const COMMITTEE_SIZE = 50

/** Dollar values carry 18-decimal ERA at 1 USD: micro-dollars × 10¹². */
export const ERA_PER_MICRO_USD = 10n ** 12n

export type DeploySystemParameters = {
  seed: number
  domains: readonly {
    name: string
    tier: Tier
    chainId: number
    rpcUrl: string
    wsUrl?: string
    adminWallet: WalletClient<Transport, Chain, Account>
    publicClient: PublicClient<Transport, Chain>
    /** The SandboxWorkload used to fund accounts in batches. */
    workload: Address
  }[]
  policy?: BreakerPolicy
  /** Settlement accounts per domain (default 16). */
  settlers?: number
  onStep?: (message: string) => void
}

async function waitOk(client: PublicClient<Transport, Chain>, hash: Hex, what: string) {
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
  if (receipt.status !== 'success') throw new ScenarioError(`${what} reverted.`)
  return receipt
}

/**
 * Deploys the whole multi-domain system on the domains' chains: on each, an ERA token and the
 * domain's contract stack in one lite deployment (`@caldera/deploy-lite`), the domain registered
 * with its tier's profile, exactly the profile's validators registered (each signs its own
 * registration) and bonded, the domain activated (`@caldera/risk-domain`); then every channel
 * lane opened with its peer's validator set and the breaker policy's limits
 * (`@caldera/circuit-breaker`), liquidity and settlement accounts funded.
 */
export async function deploySystem(parameters: DeploySystemParameters): Promise<SystemDomain[]> {
  check(inputSchemas.deploySystem, parameters, 'deploySystem parameters')
  const policy =
    parameters.policy ??
    resolvePolicy({ domains: Object.fromEntries(parameters.domains.map((d) => [d.name, d.tier])) })
  const step = parameters.onStep ?? (() => {})
  const settlerCount = parameters.settlers ?? 16

  const domains = await Promise.all(
    parameters.domains.map(async (d): Promise<SystemDomain> => {
      const admin = d.adminWallet
      const pub = d.publicClient
      const profile = tierPresets[d.tier]
      const domainId = domainIdOf(d.name)
      const label = `${d.name}/system`
      const tokenHash = await admin.deployContract({
        abi: eraTokenAbi,
        bytecode: eraTokenBytecode,
        args: [admin.account.address, 10n ** 30n],
      })
      const token = (await waitOk(pub, tokenHash, 'ERA deployment')).contractAddress!
      const deployment = await deployDomain(admin, {
        config: {
          mode: 'lite',
          domain: { name: d.name, tier: d.tier, chainId: d.chainId },
          admin: admin.account.address,
          params: { Channel: { token }, StakingRegistry: { token } },
        },
      })
      const contracts = deployment.addresses.contracts as Record<string, Address>
      const need = (name: string) => {
        const a = contracts[name]
        if (!a) throw new ScenarioError(`deploy-lite did not deploy a ${name} for ${d.name}.`)
        return a
      }
      const channel = need('Channel')
      const verifier = need('AttestationVerifier')
      const stakingRegistry = need('StakingRegistry')
      const domainRegistry = need('DomainRegistry')
      const deployGas = deployment.gasUsed
      step(`${d.name}: lite deployment of ${Object.keys(contracts).length} contracts (${deployGas} gas)`)

      await registerDomain(admin, {
        registry: domainRegistry,
        domain: defineDomain({ name: d.name, tier: d.tier, chainId: d.chainId }),
      })
      const validators = deriveLoadAccounts({
        seed: parameters.seed,
        label: `${label}/validator`,
        count: profile.minValidators,
      })
      const settlers = deriveLoadAccounts({
        seed: parameters.seed,
        label: `${label}/settler`,
        count: settlerCount,
      })
      const [attacker, watcher, relayer] = deriveLoadAccounts({
        seed: parameters.seed,
        label: `${label}/operator`,
        count: 3,
      })
      const funded = [...validators, ...settlers, attacker!, watcher!, relayer!].map((a) => a.address)
      const fundHashes: Hex[] = []
      for (let i = 0; i < funded.length; i += 250) {
        const chunk = funded.slice(i, i + 250)
        fundHashes.push(
          await admin.writeContract({
            address: d.workload,
            abi: sandboxWorkloadAbi,
            functionName: 'fund',
            args: [chunk, 10n ** 18n],
            value: 10n ** 18n * BigInt(chunk.length),
            gas: 40_000n + 35_000n * BigInt(chunk.length),
          }),
        )
      }
      const eraEach = 100_000_000n * 10n ** 18n
      for (const a of [...settlers, attacker!]) {
        fundHashes.push(
          await admin.writeContract({
            address: token,
            abi: eraTokenAbi,
            functionName: 'mint',
            args: [a.address, eraEach],
          }),
        )
      }
      fundHashes.push(
        await admin.writeContract({
          address: token,
          abi: eraTokenAbi,
          functionName: 'mint',
          args: [channel, 10n ** 9n * 10n ** 18n],
        }),
      )
      const breakerRole = keccak256(new TextEncoder().encode('BREAKER_ROLE'))
      fundHashes.push(
        await admin.writeContract({
          address: channel,
          abi: channelAbi,
          functionName: 'grantRole',
          args: [breakerRole, watcher!.address],
        }),
      )
      for (const h of fundHashes) await waitOk(pub, h, 'funding')

      await sendSignedBatch({
        rpcUrl: d.rpcUrl,
        chainId: d.chainId,
        what: `${d.name} validator registrations and approvals`,
        calls: [
          ...validators.map((v) => ({
            account: v,
            nonce: 0,
            to: stakingRegistry,
            data: encodeFunctionData({
              abi: stakingRegistryAbi,
              functionName: 'registerValidator',
              args: [domainId],
            }),
            gas: 200_000n,
          })),
          ...[...settlers, attacker!].map((s) => ({
            account: s,
            nonce: 0,
            to: token,
            data: encodeFunctionData({
              abi: eraTokenAbi,
              functionName: 'approve',
              args: [channel, maxUint256],
            }),
            gas: 80_000n,
          })),
        ],
      })
      for (let i = 0; i < validators.length; i += 500) {
        await bondStake(admin, {
          staking: stakingRegistry,
          domainId,
          bonds: validators
            .slice(i, i + 500)
            .map((v) => ({ validator: v.address, amount: profile.minStakePerValidator })),
        })
      }
      const activation = await activateDomain(admin, { registry: domainRegistry, domainId })
      step(
        `${d.name}: ${activation.qualified} validators × ${profile.minStakePerValidator / 10n ** 18n} ERA bonded, domain Active`,
      )

      const committee = validators
        .map((v) => privateKeyToAccount(v.privateKey))
        .sort((a, b) => (a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1))
        .slice(0, COMMITTEE_SIZE)
      const wallet = (account: LoadAccount) =>
        createWalletClient({
          account: privateKeyToAccount(account.privateKey),
          chain: admin.chain,
          transport: http(d.rpcUrl, { retryCount: 0 }),
        })
      return {
        name: d.name,
        tier: d.tier,
        chainId: d.chainId,
        rpcUrl: d.rpcUrl,
        ...(d.wsUrl !== undefined && { wsUrl: d.wsUrl }),
        domainId,
        token,
        channel,
        verifier,
        stakingRegistry,
        domainRegistry,
        contracts,
        deployGas,
        validators,
        laneLimitUsd: {},
        committee,
        threshold: attestationThreshold({
          validators: committee.length,
          quorumBps: profile.attestationQuorumBps,
        }),
        settlers,
        attacker: attacker!,
        watcherWallet: wallet(watcher!),
        relayerWallet: wallet(relayer!),
        adminWallet: admin,
        publicClient: pub,
      }
    }),
  )

  await Promise.all(
    domains.map(async (self, i) => {
      const admin = parameters.domains[i]!.adminWallet
      const tp = policy.tiers[self.tier]
      for (const peer of domains) {
        if (peer.name === self.name) continue
        self.laneLimitUsd[peer.name] = laneLimitUsd(policy, self.name, peer.name)
        await setValidatorSet(admin, {
          verifier: self.verifier,
          domainId: peer.domainId,
          validators: peer.committee.map((v) => v.address),
          threshold: peer.threshold,
        })
        await configureLane(admin, {
          channel: self.channel,
          peer: peer.name,
          verifier: self.verifier,
          maxTransfer: tp.singleTransferUsd * ERA_PER_MICRO_USD,
          windowLimit: laneLimitUsd(policy, self.name, peer.name) * ERA_PER_MICRO_USD,
          windowSeconds: Math.round(tp.rolling.windowSeconds),
          bucketCapacity: tp.tokenBucket.capacityUsd * ERA_PER_MICRO_USD,
          refillPerSecond: tp.tokenBucket.refillUsdPerSecond * ERA_PER_MICRO_USD,
        })
      }
    }),
  )
  step(`Channels open: ${domains.length * (domains.length - 1)} lanes`)
  return domains
}
