import type { DevnetChain } from '@caldera/devnet'
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  keccak256,
  maxUint256,
  parseEther,
  sha256,
  stringToHex,
} from 'viem'
import type { HDAccount } from 'viem/accounts'
import * as contracts from '../../src/exports/index.js'

/** The accounts of the access-control test, each with one job. */
export type Actors = {
  /** Deploys everything; holds every admin role and most other roles. */
  admin: HDAccount
  /** Holds no role and is party to nothing: every privileged call from it must be refused. */
  attacker: HDAccount
  /** BatchInbox's POSTER_ROLE (not the admin). */
  poster: HDAccount
  /** Notary's and DisclosureVerifier's NOTARIZER_ROLE (not the admin). */
  notarizer: HDAccount
  /** The one validator of the hybrid verifier's source domain. */
  validator: HDAccount
  /** Receiver of the timelock escrow's lock. */
  receiver: HDAccount
  /** Party A (pays ERA) of the payment-versus-payment trade. */
  partyA: HDAccount
  /** Is granted a role, uses it, and loses it again. */
  newcomer: HDAccount
  /** Target of the generic grantRole / revokeRole calls (never used otherwise). */
  bystander: HDAccount
}

/** A `DomainRegistry.Profile` that one validator bonding 1 base unit meets. */
export const lightProfile = {
  tier: 2,
  proofSystem: 2,
  minValidators: 1,
  minStakePerValidator: 1n,
  attestationQuorumBps: 6_667,
  challengeWindowSeconds: 0,
  zkProofAboveUsd: maxUint256,
} as const

/** A `Channel.LaneConfig` whose single-transfer limit is 100 base units. */
export function laneConfig(verifier: Address) {
  return {
    verifier,
    maxTransfer: 100n,
    windowLimit: 1_000n,
    windowSeconds: 3_600n,
    bucketCapacity: 1_000n,
    refillPerSecond: 1n,
  }
}

/** Everything deployed and the state the privileged calls act on. */
export type Fixture = {
  chain: DevnetChain
  actors: Actors
  /** Contract name → deployed instance (the clone, for clone-deployed contracts). */
  address: Record<string, Address>
  /** Contract name → implementation behind the clone. */
  implementation: Record<string, Address>
  /** Contract name → arguments of `initialize`, for a given admin. */
  initArgs: Record<string, (admin: Address) => readonly unknown[]>
  ids: {
    /** The domain the clones were deployed for (also the channel's domain). */
    domain: Hex
    /** The channel's peer, whose lane exists and tripped. */
    peer: Hex
    /** A channel transfer held by the guard. */
    heldId: bigint
    /** An Active domain of the registry (its validator bonds stake). */
    activeDomain: Hex
    /** An Isolated domain of the registry. */
    isolatedDomain: Hex
    /** Source domain of the hybrid verifier with a batch submitted in its challenge window. */
    hybridSource: Hex
    /** Open lock of the timelock escrow and its secret. */
    lockId: Hex
    secret: Hex
    /** Open trade of the payment-versus-payment escrow. */
    tradeId: Hex
  }
}

const modules = contracts as unknown as Record<string, unknown>
const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1)
/** The ABI of contract `name`. */
export const abiOf = (name: string) => modules[`${lowerFirst(name)}Abi`] as Abi
const bytecodeOf = (name: string) => modules[`${lowerFirst(name)}Bytecode`] as Hex

const id = (text: string) => keccak256(stringToHex(text))

/**
 * Deploys every deployable contract on `chain` the way the packages do (clone-compatible ones as
 * EIP-1167 clones created and initialised in one `CloneFactory.deployDomain` transaction), and
 * creates the state each privileged function acts on (a held transfer, an active and an isolated
 * domain, a submitted batch, an open lock and an open trade).
 */
export async function deployFixture(chain: DevnetChain): Promise<Fixture> {
  const { publicClient, walletClient, accounts } = chain
  const [admin, attacker, poster, notarizer, validator, receiver, partyA, newcomer, bystander] = accounts
  const actors: Actors = {
    admin: admin!,
    attacker: attacker!,
    poster: poster!,
    notarizer: notarizer!,
    validator: validator!,
    receiver: receiver!,
    partyA: partyA!,
    newcomer: newcomer!,
    bystander: bystander!,
  }

  const send = async (
    name: string,
    address: Address,
    functionName: string,
    args: readonly unknown[],
    account: HDAccount = actors.admin,
  ) => {
    const { request, result } = await publicClient.simulateContract({
      address,
      abi: abiOf(name),
      functionName,
      args,
      account,
    } as never)
    const hash = await walletClient.writeContract(request as never)
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`${name}.${functionName} reverted`)
    return result as unknown
  }
  const deploy = async (name: string, args: readonly unknown[] = []) => {
    const hash = await walletClient.deployContract({
      abi: abiOf(name),
      bytecode: bytecodeOf(name),
      args,
    } as never)
    const { contractAddress, status } = await publicClient.waitForTransactionReceipt({ hash })
    if (status !== 'success' || !contractAddress) throw new Error(`deploying ${name} failed`)
    return contractAddress
  }

  // Directly deployed contracts (constructor arguments or none at all).
  const address: Record<string, Address> = {}
  for (const [name, args] of [
    ['CloneFactory', []],
    ['EraToken', [actors.admin.address, parseEther('1000000')]],
    ['SandboxDollar', [actors.admin.address]],
    ['HashedTimelockEscrow', []],
    ['SandboxWorkload', []],
    ['BatchCommitmentGroth16Verifier', []],
  ] as const) {
    address[name] = await deploy(name, args)
  }

  // Clone-compatible contracts: one implementation each, then clones made by the factory.
  const cloned = [
    'Channel',
    'BreakerPriceFeed',
    'AttestationVerifier',
    'ThresholdAttestationVerifier',
    'HybridVerifier',
    'ZkBatchVerifier',
    'DomainRegistry',
    'StakingRegistry',
    'BatchInbox',
    'Notary',
    'DisclosureVerifier',
    'SanctionsRegistry',
    'PaymentVersusPaymentEscrow',
  ]
  const implementation: Record<string, Address> = {}
  for (const name of cloned) implementation[name] = await deploy(name)
  const domain = id('access-control')
  for (const name of cloned) {
    address[name] = (await publicClient.readContract({
      address: address.CloneFactory!,
      abi: contracts.cloneFactoryAbi,
      functionName: 'predictAddress',
      args: [implementation[name]!, actors.admin.address, domain, id(name)],
    })) as Address
  }
  const initArgs: Record<string, (admin: Address) => readonly unknown[]> = {
    Channel: (owner) => [domain, address.EraToken, owner],
    BreakerPriceFeed: (owner) => [owner, 8, 'ERA / USD', 150_000_000n],
    AttestationVerifier: (owner) => [owner],
    ThresholdAttestationVerifier: (owner) => [owner],
    HybridVerifier: (owner) => [owner, 3_600n, parseEther('1000'), address.ZkBatchVerifier],
    ZkBatchVerifier: (owner) => [owner, address.BatchCommitmentGroth16Verifier],
    DomainRegistry: (owner) => [owner, address.StakingRegistry],
    StakingRegistry: (owner) => [owner, address.EraToken, 86_400n, owner],
    BatchInbox: (owner) => [domain, owner, owner === actors.admin.address ? actors.poster.address : owner],
    Notary: (owner) => [owner, owner === actors.admin.address ? actors.notarizer.address : owner],
    DisclosureVerifier: (owner) => [owner, owner === actors.admin.address ? actors.notarizer.address : owner],
    SanctionsRegistry: (owner) => [owner],
    PaymentVersusPaymentEscrow: () => [address.SanctionsRegistry],
  }
  await send('CloneFactory', address.CloneFactory!, 'deployDomain', [
    domain,
    cloned.map((name) => ({
      key: id(name),
      implementation: implementation[name]!,
      initData: encodeFunctionData({
        abi: abiOf(name),
        functionName: 'initialize',
        args: initArgs[name]!(actors.admin.address),
      } as never),
    })),
  ])

  const era = address.EraToken!
  const tomorrow = (await publicClient.getBlock()).timestamp + 86_400n

  // Channel: a lane to `peer`, and a transfer above its single-transfer limit (held; lane trips).
  const peer = id('peer')
  await send('Channel', address.Channel!, 'configureLane', [peer, laneConfig(address.AttestationVerifier!)])
  await send('EraToken', era, 'approve', [address.Channel, 500n])
  const [held, heldId] = (await send('Channel', address.Channel!, 'send', [
    peer,
    actors.receiver.address,
    500n,
  ])) as [boolean, bigint]
  if (!held) throw new Error('the guard did not hold the transfer')

  // Staking and domains: the admin bonds for two domains; both activate, one is isolated.
  const activeDomain = id('active')
  const isolatedDomain = id('isolated')
  await send('EraToken', era, 'approve', [address.StakingRegistry, parseEther('100')])
  for (const [name, domainId] of [
    ['active', activeDomain],
    ['isolated', isolatedDomain],
  ] as const) {
    await send('StakingRegistry', address.StakingRegistry!, 'registerValidator', [domainId])
    await send('StakingRegistry', address.StakingRegistry!, 'bondStake', [
      domainId,
      actors.admin.address,
      10n,
    ])
    await send('DomainRegistry', address.DomainRegistry!, 'registerDomain', [name, lightProfile])
    await send('DomainRegistry', address.DomainRegistry!, 'activate', [domainId])
  }
  await send('DomainRegistry', address.DomainRegistry!, 'isolate', [isolatedDomain])

  // Hybrid verifier: one validator attests batch 1 of `hybridSource`; it sits in its window.
  const hybridSource = id('hybrid-source')
  await send('HybridVerifier', address.HybridVerifier!, 'setValidatorSet', [
    hybridSource,
    [actors.validator.address],
    1n,
  ])
  const messages = [
    {
      sourceDomain: hybridSource,
      destinationDomain: domain,
      nonce: 1n,
      sender: actors.admin.address,
      recipient: actors.receiver.address,
      amount: 1n,
    },
  ]
  const root = (await publicClient.readContract({
    address: address.HybridVerifier!,
    abi: contracts.hybridVerifierAbi,
    functionName: 'batchRoot',
    args: [messages],
  })) as Hex
  const attestation = await actors.validator.signMessage({
    message: { raw: attestationHash(hybridSource, 1n, root) },
  })
  await send('HybridVerifier', address.HybridVerifier!, 'submitBatch', [
    hybridSource,
    1n,
    messages,
    attestation,
  ])

  // Timelock escrow: a lock for `receiver`.
  const secret = id('secret')
  await send('EraToken', era, 'approve', [address.HashedTimelockEscrow, 5n])
  const lockId = (await send('HashedTimelockEscrow', address.HashedTimelockEscrow!, 'lock', [
    actors.receiver.address,
    era,
    5n,
    sha256(secret),
    tomorrow,
  ])) as Hex

  // Payment versus payment: ERA from party A against sUSD from the admin; party A approved its leg.
  await send('EraToken', era, 'transfer', [actors.partyA.address, 5n])
  await send('EraToken', era, 'approve', [address.PaymentVersusPaymentEscrow, 5n], actors.partyA)
  const tradeId = (await send(
    'PaymentVersusPaymentEscrow',
    address.PaymentVersusPaymentEscrow!,
    'createTrade',
    [actors.partyA.address, era, 5n, actors.admin.address, address.SandboxDollar, 5n, tomorrow],
  )) as Hex

  return {
    chain,
    actors,
    address,
    implementation,
    initArgs,
    ids: {
      domain,
      peer,
      heldId,
      activeDomain,
      isolatedDomain,
      hybridSource,
      lockId,
      secret,
      tradeId,
    },
  }
}

/** What a validator signs (EIP-191 personal message) to attest batch `batchNonce` of `domainId`. */
function attestationHash(domainId: Hex, batchNonce: bigint, root: Hex): Hex {
  const tag = id('CalderaBatchAttestation(bytes32 domainId,uint256 batchNonce,bytes32 batchRoot)')
  return keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'bytes32' }],
      [tag, domainId, batchNonce, root],
    ),
  )
}
