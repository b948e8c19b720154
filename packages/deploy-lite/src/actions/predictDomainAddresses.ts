import { cloneFactoryBytecode } from '@caldera/contracts'
import { addressSchema, domainIdOf, parse } from '@caldera/core'
import type { Address, Hex } from 'viem'
import {
  componentKeyOf,
  create2Address,
  create2DeployerAddress,
  domainSaltOf,
  eip1167InitCode,
  runtimeInstallerCode,
} from '../address/create2.js'
import { type DeployConfig, type DeployMode, resolveDeployConfig } from '../config/deployConfig.js'
import { check, inputSchemas } from '../internal/inputs.js'
import type { StackComponent } from '../stack/component.js'
import { domainStack, stackForTier } from '../stack/domainStack.js'

export type PredictDomainAddressesParameters = {
  /** The deployment config (validated here unless already validated). */
  config: unknown
  /** Account that sends the deployment (part of every domain salt). */
  deployer: Address
  /** The stack; {@link domainStack} by default. */
  stack?: readonly StackComponent[]
}

export type DomainAddresses = {
  mode: DeployMode
  domainId: Hex
  /** `CloneFactory` of this chain (lite mode), `null` in traditional mode. */
  factory: Address | null
  /** Shared implementations, by component name (lite mode; empty in traditional mode). */
  implementations: Record<string, Address>
  /** The address each component of the domain has: its clone or copy (per-domain) or the singleton (shared). */
  contracts: Record<string, Address>
}

/**
 * Computes, offline, every address a domain deployment has or will have: CREATE2 through the
 * deterministic deployment proxy for implementations, the factory and traditional copies;
 * CREATE2 from the factory over the EIP-1167 init code for lite clones.
 *
 * @example
 * import { predictDomainAddresses } from '@caldera/deploy-lite'
 * const { contracts } = predictDomainAddresses({
 *   config: { mode: 'lite', domain: { name: 'payments', tier: 'light', chainId: 31337 }, admin },
 *   deployer: admin,
 * })
 * console.log(contracts.BatchInbox)
 */
export function predictDomainAddresses(parameters: PredictDomainAddressesParameters): DomainAddresses {
  check(inputSchemas.predict, parameters, 'predictDomainAddresses parameters')
  const stack = parameters.stack ?? domainStack
  const config = resolveDeployConfig({ config: parameters.config, stack })
  const deployer = parse(addressSchema, parameters.deployer, 'deployer')
  return addressesOf({ config, deployer, stack })
}

/** Addresses of a validated config (no validation); see {@link predictDomainAddresses}. */
export function addressesOf(parameters: {
  config: DeployConfig
  deployer: Address
  stack: readonly StackComponent[]
}): DomainAddresses {
  const { config, deployer } = parameters
  const components = stackForTier({ stack: parameters.stack, tier: config.domain.tier })
  const domainId = domainIdOf(config.domain.name)
  const salt = (name: string): Hex => domainSaltOf({ deployer, domainId, key: componentKeyOf(name) })
  const contracts: Record<string, Address> = {}
  const implementations: Record<string, Address> = {}
  if (config.mode === 'traditional') {
    for (const c of components)
      contracts[c.name] = create2Address({
        from: create2DeployerAddress,
        salt: salt(c.name),
        initCode: c.kind === 'perDomain' ? runtimeInstallerCode(c.deployedBytecode) : c.bytecode,
      })
    return { mode: config.mode, domainId, factory: null, implementations, contracts }
  }
  const factory = implementationAddressOf({ bytecode: cloneFactoryBytecode, salt: config.implementationSalt })
  for (const c of components) {
    const implementation = implementationAddressOf({ bytecode: c.bytecode, salt: config.implementationSalt })
    implementations[c.name] = implementation
    contracts[c.name] =
      c.kind === 'shared'
        ? implementation
        : create2Address({ from: factory, salt: salt(c.name), initCode: eip1167InitCode(implementation) })
  }
  return { mode: config.mode, domainId, factory, implementations, contracts }
}

/**
 * Address of a contract deployed once per chain through the deterministic deployment proxy.
 *
 * @example
 * import { cloneFactoryBytecode } from '@caldera/contracts'
 * const factory = implementationAddressOf({ bytecode: cloneFactoryBytecode, salt: zeroHash })
 */
export function implementationAddressOf(parameters: { bytecode: Hex; salt: Hex }): Address {
  check(inputSchemas.implementation, parameters, 'implementationAddressOf parameters')
  return create2Address({
    from: create2DeployerAddress,
    salt: parameters.salt,
    initCode: parameters.bytecode,
  })
}
