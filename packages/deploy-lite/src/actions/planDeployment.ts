import { cloneFactoryAbi, cloneFactoryBytecode, cloneFactoryDeployedBytecode } from '@caldera/contracts'
import { addressSchema, CalderaError, parse } from '@caldera/core'
import type { Address, Chain, Client, Hex, Transport } from 'viem'
import { concatHex, encodeFunctionData } from 'viem'
import { estimateGas, getChainId, getCode, getGasPrice, getStorageAt, simulateBlocks } from 'viem/actions'
import { z } from 'zod'
import {
  componentKeyOf,
  create2DeployerAddress,
  domainSaltOf,
  runtimeInstallerCode,
} from '../address/create2.js'
import { type DeployConfig, resolveDeployConfig } from '../config/deployConfig.js'
import {
  ChainMismatchError,
  Create2DeployerMissingError,
  DeployerMismatchError,
  GasCapExceededError,
  PartialDeploymentError,
  SimulationFailedError,
} from '../errors/deploy.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { InitContext, StackComponent } from '../stack/component.js'
import { domainStack, stackForTier } from '../stack/domainStack.js'
import { addressesOf, type DomainAddresses } from './predictDomainAddresses.js'

/** ERC-7201 slot of OpenZeppelin `Initializable`'s state (`_initialized` in the low 8 bytes). */
const initializableSlot: Hex = '0xf0c57e16840df040f15088dc2f81fe391c3923bec73e23a9662efc9c229c6a00'

const planOptionsSchema = z.object({
  deployer: addressSchema.optional(),
  estimator: z.enum(['auto', 'simulate', 'estimateGas']).default('auto'),
})

/** One transaction of a plan. */
export type PlannedStep = {
  /** What it does, e.g. `implementation BatchInbox`, `clone domain payments (3 contracts)`. */
  label: string
  kind: 'implementation' | 'factory' | 'domain' | 'contract' | 'initialize'
  to: Address
  data: Hex
  /** Gas the transaction uses in simulation (the estimate). */
  gas: bigint
  /** Gas limit it is sent with (estimate plus a margin, never above the cap). */
  gasLimit: bigint
}

/** Everything a deployment will do and cost, computed before anything is sent. */
export type DeploymentPlan = {
  config: DeployConfig
  chainId: number
  deployer: Address
  addresses: DomainAddresses
  /** Transactions still to send, in order. */
  steps: PlannedStep[]
  /** Labels of what is already on chain and will be skipped. */
  existing: string[]
  /** True when nothing is left to send. */
  alreadyDeployed: boolean
  /** Total estimated gas of `steps`. */
  gas: bigint
  /** Gas price of the estimate, in wei. */
  gasPrice: bigint
  /** `gas × gasPrice`, in wei. */
  costWei: bigint
  /** Cost in USD micro-dollars when `config.ethUsd` is given, else `null`. */
  costUsd: bigint | null
}

export type PlanDeploymentParameters = {
  /** The deployment config; validated (every error at once) before any RPC call. */
  config: unknown
  /** Sender of the deployment; the client's account when omitted. */
  deployer?: Address
  /** The stack; {@link domainStack} by default. */
  stack?: readonly StackComponent[]
  /**
   * How gas is estimated: `simulate` runs the transactions in order with `eth_simulateV1`;
   * `estimateGas` estimates each with `eth_estimateGas`, overriding the code of what earlier
   * steps create; `auto` (default) simulates and falls back to `estimateGas` when the node
   * does not offer `eth_simulateV1`.
   */
  estimator?: 'auto' | 'simulate' | 'estimateGas'
}

/**
 * Plans a domain deployment: validates the config (one `ValidationError` listing every problem,
 * before any RPC call), predicts the addresses, skips what already exists, simulates every
 * remaining transaction in order (`eth_simulateV1`) to estimate its gas, prices the plan in
 * ETH and USD, and refuses any transaction above the EIP-7825 cap of 16,777,216 gas.
 *
 * @example
 * import { planDeployment } from '@caldera/deploy-lite'
 * const plan = await planDeployment(publicClient, {
 *   config: { mode: 'lite', domain: { name: 'payments', tier: 'light', chainId: 31337 }, admin, ethUsd: 3000_000000n },
 *   deployer: admin,
 * })
 * console.log(plan.gas, plan.costUsd, plan.addresses.contracts)
 */
export async function planDeployment(
  client: Client<Transport, Chain | undefined>,
  parameters: PlanDeploymentParameters,
): Promise<DeploymentPlan> {
  check(inputSchemas.planDeployment, parameters, 'planDeployment parameters')
  const stack = parameters.stack ?? domainStack
  const options = parse(
    planOptionsSchema,
    { deployer: parameters.deployer, estimator: parameters.estimator },
    'plan options',
  )
  const config = resolveDeployConfig({ config: parameters.config, stack })
  const deployer = options.deployer ?? client.account?.address
  if (!deployer) throw new DeployerMismatchError({})
  const chainId = await getChainId(client)
  if (chainId !== config.domain.chainId)
    throw new ChainMismatchError({ expected: config.domain.chainId, actual: chainId })
  const proxyCode = await getCode(client, { address: create2DeployerAddress })
  if (!proxyCode || proxyCode === '0x')
    throw new Create2DeployerMissingError({ address: create2DeployerAddress, chainId })

  const components = stackForTier({ stack, tier: config.domain.tier })
  const addresses = addressesOf({ config, deployer, stack })
  const context = (component: StackComponent): InitContext => ({
    domain: { ...config.domain },
    domainId: addresses.domainId,
    deployer,
    admin: config.admin,
    poster: config.poster ?? config.admin,
    params: config.params[component.name],
    has: (name) => name in addresses.contracts,
    addressOf(name) {
      const address = addresses.contracts[name]
      if (!address)
        throw new CalderaError(`Component ${component.name} references ${name}, which is not in the stack.`, {
          hint: `Add ${name} to the stack, or remove ${component.name}.`,
        })
      return address
    },
  })
  const hasCode = async (address: Address) => {
    const code = await getCode(client, { address })
    return code !== undefined && code !== '0x'
  }
  const isInitialized = async (address: Address) =>
    BigInt((await getStorageAt(client, { address, slot: initializableSlot })) ?? '0x0') !== 0n

  type Draft = StepDraft
  const drafts: Draft[] = []
  const existing: string[] = []
  const salt = config.implementationSalt
  if (config.mode === 'lite') {
    const factory = addresses.factory as Address
    const once: { label: string; address: Address; bytecode: Hex; runtime: Hex; kind: Draft['kind'] }[] = [
      ...components.map((c) => ({
        label: `${c.kind === 'shared' ? 'shared' : 'implementation'} ${c.name}`,
        address: addresses.implementations[c.name] as Address,
        bytecode: c.bytecode,
        runtime: c.deployedBytecode,
        kind: 'implementation' as const,
      })),
      {
        label: 'factory CloneFactory',
        address: factory,
        bytecode: cloneFactoryBytecode,
        runtime: cloneFactoryDeployedBytecode,
        kind: 'factory',
      },
    ]
    const present = await Promise.all(once.map((o) => hasCode(o.address)))
    once.forEach((o, i) => {
      if (present[i]) existing.push(o.label)
      else
        drafts.push({
          label: o.label,
          kind: o.kind,
          to: create2DeployerAddress,
          data: concatHex([salt, o.bytecode]),
          creates: { address: o.address, code: o.runtime },
        })
    })
    const perDomain = components.filter((c) => c.kind === 'perDomain')
    if (perDomain.length > 0) {
      const cloned = await Promise.all(perDomain.map((c) => hasCode(addresses.contracts[c.name] as Address)))
      const label = `clone domain ${config.domain.name} (${perDomain.length} contract${perDomain.length === 1 ? '' : 's'})`
      if (cloned.every(Boolean)) existing.push(label)
      else if (cloned.some(Boolean))
        throw new PartialDeploymentError({
          domain: config.domain.name,
          present: perDomain.filter((_, i) => cloned[i]).map((c) => c.name),
          missing: perDomain.filter((_, i) => !cloned[i]).map((c) => c.name),
        })
      else
        drafts.push({
          label,
          kind: 'domain',
          to: factory,
          data: encodeFunctionData({
            abi: cloneFactoryAbi,
            functionName: 'deployDomain',
            args: [
              addresses.domainId,
              perDomain.map((c) => ({
                key: componentKeyOf(c.name),
                implementation: addresses.implementations[c.name] as Address,
                initData: c.initialize?.(context(c)) ?? '0x',
              })),
            ],
          }),
        })
    }
  } else {
    for (const c of components) {
      const address = addresses.contracts[c.name] as Address
      const { domainId } = addresses
      const deployed = await hasCode(address)
      const deployLabel = `${c.kind === 'shared' ? 'shared' : 'contract'} ${c.name}`
      if (deployed) existing.push(deployLabel)
      else
        drafts.push({
          label: deployLabel,
          kind: 'contract',
          to: create2DeployerAddress,
          data: concatHex([
            domainSalt(deployer, domainId, c.name),
            c.kind === 'perDomain' ? runtimeInstallerCode(c.deployedBytecode) : c.bytecode,
          ]),
          creates: { address, code: c.deployedBytecode },
        })
      if (c.kind === 'perDomain' && c.initialize) {
        const initLabel = `initialize ${c.name}`
        if (deployed && (await isInitialized(address))) existing.push(initLabel)
        else
          drafts.push({ label: initLabel, kind: 'initialize', to: address, data: c.initialize(context(c)) })
      }
    }
  }

  const steps = await estimateSteps(client, {
    drafts,
    deployer,
    cap: config.maxTransactionGas,
    estimator: options.estimator,
  })
  const gas = steps.reduce((sum, s) => sum + s.gas, 0n)
  const gasPrice = config.gasPrice ?? (await getGasPrice(client))
  const costWei = gas * gasPrice
  return {
    config,
    chainId,
    deployer,
    addresses,
    steps,
    existing,
    alreadyDeployed: steps.length === 0,
    gas,
    gasPrice,
    costWei,
    costUsd: config.ethUsd === undefined ? null : (costWei * config.ethUsd) / 10n ** 18n,
  }
}

function domainSalt(deployer: Address, domainId: Hex, name: string): Hex {
  return domainSaltOf({ deployer, domainId, key: componentKeyOf(name) })
}

type StepDraft = Omit<PlannedStep, 'gas' | 'gasLimit'> & { creates?: { address: Address; code: Hex } }

function withLimit(draft: StepDraft, gas: bigint, cap: bigint): PlannedStep {
  if (gas > cap) throw new GasCapExceededError({ step: draft.label, gas, cap })
  const margin = gas / 4n + 25_000n
  const { creates: _creates, ...step } = draft
  return { ...step, gas, gasLimit: gas + margin > cap ? cap : gas + margin }
}

/**
 * Estimates the drafts in order: simulated one block each (state carries over) at the cap, or,
 * without `eth_simulateV1`, one `eth_estimateGas` each with the code of earlier steps overridden.
 */
async function estimateSteps(
  client: Client<Transport, Chain | undefined>,
  parameters: {
    drafts: StepDraft[]
    deployer: Address
    cap: bigint
    estimator: 'auto' | 'simulate' | 'estimateGas'
  },
): Promise<PlannedStep[]> {
  const { drafts, deployer, cap, estimator } = parameters
  if (drafts.length === 0) return []
  if (estimator === 'estimateGas') return estimateEach(client, parameters)
  let blocks: Awaited<ReturnType<typeof simulateBlocks>>
  try {
    blocks = await simulateBlocks(client, {
      blocks: drafts.map((d) => ({ calls: [{ account: deployer, to: d.to, data: d.data, gas: cap }] })),
    })
  } catch (cause) {
    if (estimator === 'auto') return estimateEach(client, parameters)
    throw new SimulationFailedError({ step: drafts[0]?.label ?? 'plan', cause })
  }
  return drafts.map((draft, i) => {
    const call = blocks[i]?.calls[0]
    if (!call)
      throw new SimulationFailedError({ step: draft.label, cause: new Error('No simulation result.') })
    if (call.status !== 'success') {
      // Out of gas at the cap (the deployment proxy forwards 63/64 of it): the step needs more than the cap.
      if (call.gasUsed * 64n >= cap * 63n - 64n * 10_000n)
        throw new GasCapExceededError({ step: draft.label, gas: undefined, cap })
      throw new SimulationFailedError({ step: draft.label, cause: call.error })
    }
    return withLimit(draft, call.gasUsed, cap)
  })
}

async function estimateEach(
  client: Client<Transport, Chain | undefined>,
  parameters: { drafts: StepDraft[]; deployer: Address; cap: bigint },
): Promise<PlannedStep[]> {
  const { drafts, deployer, cap } = parameters
  const steps: PlannedStep[] = []
  for (const [i, draft] of drafts.entries()) {
    const stateOverride = drafts
      .slice(0, i)
      .flatMap((d) => (d.creates ? [{ address: d.creates.address, code: d.creates.code }] : []))
    const gas = await estimateGas(client, {
      account: deployer,
      to: draft.to,
      data: draft.data,
      gas: cap,
      ...(stateOverride.length > 0 && { stateOverride }),
    }).catch((cause: unknown) => {
      throw new SimulationFailedError({ step: draft.label, cause })
    })
    steps.push(withLimit(draft, gas, cap))
  }
  return steps
}
