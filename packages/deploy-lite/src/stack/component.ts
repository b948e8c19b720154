import type { DomainConfig, Tier } from '@caldera/core'
import type { Abi, Address, Hex } from 'viem'
import type { z } from 'zod'
import { check, inputSchemas } from '../internal/inputs.js'

/** What a component's initialiser is built from. */
export type InitContext = {
  /** The validated domain config. */
  domain: DomainConfig
  /** `keccak256(domain.name)`. */
  domainId: Hex
  /** Account that sends the deployment. */
  deployer: Address
  /** Admin of every per-domain contract. */
  admin: Address
  /** Account allowed to post batches (defaults to the admin). */
  poster: Address
  /** Address of another component of this domain (per-domain) or of a shared singleton; throws when absent. */
  addressOf(name: string): Address
  /** Whether the domain's stack has a component of this name. */
  has(name: string): boolean
  /** This component's validated parameters (`config.params[name]`), or `undefined`. */
  params: unknown
}

/**
 * One contract of a domain stack, described as data. Add a contract to the stack by adding
 * one of these to the list.
 *
 * - `perDomain`: every domain gets its own instance. Lite mode: an EIP-1167 clone of an
 *   implementation deployed once per chain, created and initialised by `CloneFactory`.
 *   Traditional mode: a full copy of the runtime code, then an `initialize` transaction.
 *   Must follow the clone-compatibility rule (no constructor arguments, `initialize` instead).
 * - `shared`: a stateless singleton (e.g. a Groth16 verifier). Lite mode: deployed once per
 *   chain. Traditional mode: deployed once per domain.
 */
export type StackComponent = {
  /** Contract name, unique within the stack (`BatchInbox`). */
  name: string
  kind: 'perDomain' | 'shared'
  abi: Abi
  /** Creation bytecode (constructor without arguments). */
  bytecode: Hex
  /** Runtime bytecode; traditional mode installs it per domain (no immutables allowed). */
  deployedBytecode: Hex
  /** Tiers whose stack includes this component; all tiers when omitted. */
  tiers?: readonly Tier[]
  /** Schema of `config.params[name]`; validated with the rest of the config before any RPC call. */
  params?: z.ZodType
  /** Calldata of the `initialize` call of a per-domain instance; none when omitted. */
  initialize?: (context: InitContext) => Hex
}

/**
 * Declares a stack component (an identity function that checks the shape).
 *
 * @example
 * import { defineComponent } from '@caldera/deploy-lite'
 * import { batchInboxAbi, batchInboxBytecode, batchInboxDeployedBytecode } from '@caldera/contracts'
 * import { encodeFunctionData } from 'viem'
 * const inbox = defineComponent({
 *   name: 'BatchInbox', kind: 'perDomain', abi: batchInboxAbi,
 *   bytecode: batchInboxBytecode, deployedBytecode: batchInboxDeployedBytecode,
 *   initialize: ({ domainId, admin, poster }) =>
 *     encodeFunctionData({ abi: batchInboxAbi, functionName: 'initialize', args: [domainId, admin, poster] }),
 * })
 */
export function defineComponent(component: StackComponent): StackComponent {
  check(inputSchemas.component, component, 'component')
  return component
}
