import {
  type Address,
  concatHex,
  encodeAbiParameters,
  getContractAddress,
  type Hex,
  keccak256,
  numberToHex,
  size,
  stringToHex,
} from 'viem'
import { check, inputSchemas } from '../internal/inputs.js'

/**
 * The deterministic deployment proxy (`0x4e59…956C`) present on most EVM chains and on anvil:
 * calldata `salt ++ initCode` creates `initCode` with CREATE2 and returns the address.
 */
export const create2DeployerAddress: Address = '0x4e59b44847b379578588920cA78FbF26c0B4956C'

/**
 * The 32-byte key of a stack component: `keccak256(name)`.
 *
 * @example
 * componentKeyOf('Channel') // keccak256 of the UTF-8 bytes of "Channel"
 */
export function componentKeyOf(name: string): Hex {
  check(inputSchemas.name, name, 'component name')
  return keccak256(stringToHex(name))
}

/**
 * The CREATE2 salt of component `key` of `domainId` deployed by `deployer`, as computed by
 * `CloneFactory.saltOf` (`keccak256(abi.encode(deployer, domainId, key))`).
 *
 * @example
 * import { domainSaltOf, componentKeyOf } from '@caldera/deploy-lite'
 * const salt = domainSaltOf({ deployer, domainId, key: componentKeyOf('BatchInbox') })
 */
export function domainSaltOf(parameters: { deployer: Address; domainId: Hex; key: Hex }): Hex {
  check(inputSchemas.domainSalt, parameters, 'domainSaltOf parameters')
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address' }, { type: 'bytes32' }, { type: 'bytes32' }],
      [parameters.deployer, parameters.domainId, parameters.key],
    ),
  )
}

/**
 * The creation code of an EIP-1167 minimal proxy of `implementation` (55 bytes, as created by
 * OpenZeppelin's `Clones`).
 *
 * @example
 * const initCode = eip1167InitCode('0x5FbDB2315678afecb367f032d93F642f64180aa3')
 */
export function eip1167InitCode(implementation: Address): Hex {
  check(inputSchemas.address, implementation, 'implementation')
  return concatHex([
    '0x3d602d80600a3d3981f3363d3d373d3d3d363d73',
    implementation.toLowerCase() as Hex,
    '0x5af43d82803e903d91602b57fd5bf3',
  ])
}

/**
 * The runtime code of an EIP-1167 minimal proxy of `implementation` (45 bytes): what
 * `getCode` returns at a clone.
 *
 * @example
 * const isClone = (await publicClient.getCode({ address })) === eip1167RuntimeCode(implementation)
 */
export function eip1167RuntimeCode(implementation: Address): Hex {
  check(inputSchemas.address, implementation, 'implementation')
  return concatHex([
    '0x363d3d373d3d3d363d73',
    implementation.toLowerCase() as Hex,
    '0x5af43d82803e903d91602b57fd5bf3',
  ])
}

/**
 * The address CREATE2 gives `initCode` deployed by `from` with `salt`.
 *
 * @example
 * const clone = create2Address({ from: factory, salt, initCode: eip1167InitCode(implementation) })
 */
export function create2Address(parameters: { from: Address; salt: Hex; initCode: Hex }): Address {
  check(inputSchemas.create2, parameters, 'create2Address parameters')
  return getContractAddress({
    opcode: 'CREATE2',
    from: parameters.from,
    salt: parameters.salt,
    bytecode: parameters.initCode,
  })
}

/**
 * Creation code that installs `runtime` as-is, without running a constructor (10-byte prefix:
 * `PUSH2 len DUP1 PUSH1 10 PUSH0 CODECOPY PUSH0 RETURN`). Used by the traditional mode to give
 * each domain its own full copy of an initialisable contract whose constructor disables
 * initialisers.
 *
 * @example
 * const initCode = runtimeInstallerCode(channelDeployedBytecode) // deploys the code as is
 */
export function runtimeInstallerCode(runtime: Hex): Hex {
  check(inputSchemas.runtime, runtime, 'runtime code')
  const length = size(runtime)
  if (length > 0xffff) throw new RangeError(`Runtime code of ${length} bytes is too long.`)
  return concatHex(['0x61', numberToHex(length, { size: 2 }), '0x80600a5f395ff3', runtime])
}
