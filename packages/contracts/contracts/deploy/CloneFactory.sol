// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @title CloneFactory
/// @notice Creates every per-domain contract of a risk domain as an EIP-1167 clone of a shared
///         implementation, at CREATE2 addresses derived from (deployer, domain id, component key),
///         and initialises each clone, all in one transaction: either the whole domain exists
///         afterwards or nothing does.
/// @dev Clones are created first and initialised afterwards, so an initialiser may reference any
///      other clone of the same domain (its address is predictable offline).
contract CloneFactory {
    /// @notice One component of a domain stack.
    struct CloneSpec {
        /// @dev Component key, e.g. keccak256("Channel"); unique within a domain.
        bytes32 key;
        /// @dev Shared implementation the clone delegates to.
        address implementation;
        /// @dev Calldata of the clone's initialiser (empty for none).
        bytes initData;
    }

    /// @notice A domain's clones were created and initialised.
    event DomainDeployed(bytes32 indexed domainId, address indexed deployer, bytes32[] keys, address[] clones);

    /// @notice The stack is empty.
    error EmptyStack();
    /// @notice An implementation has no code on this chain.
    error NoImplementationCode(bytes32 key, address implementation);
    /// @notice A clone's initialiser reverted; the whole deployment is undone.
    error InitializationFailed(bytes32 key, address clone, bytes reason);

    /// @notice Creates and initialises the clones of domain `domainId`.
    /// @return clones The clone addresses, in the order of `specs`.
    function deployDomain(bytes32 domainId, CloneSpec[] calldata specs) external returns (address[] memory clones) {
        uint256 count = specs.length;
        if (count == 0) revert EmptyStack();
        clones = new address[](count);
        bytes32[] memory keys = new bytes32[](count);
        for (uint256 i = 0; i < count; ++i) {
            CloneSpec calldata spec = specs[i];
            if (spec.implementation.code.length == 0) revert NoImplementationCode(spec.key, spec.implementation);
            clones[i] = Clones.cloneDeterministic(spec.implementation, saltOf(msg.sender, domainId, spec.key));
            keys[i] = spec.key;
        }
        for (uint256 i = 0; i < count; ++i) {
            if (specs[i].initData.length == 0) continue;
            // Arbitrary initialiser calldata must be forwarded to the clone, and its revert data kept.
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory reason) = clones[i].call(specs[i].initData);
            if (!ok) revert InitializationFailed(specs[i].key, clones[i], reason);
        }
        emit DomainDeployed(domainId, msg.sender, keys, clones);
    }

    /// @notice The CREATE2 salt of component `key` of domain `domainId` deployed by `deployer`.
    function saltOf(address deployer, bytes32 domainId, bytes32 key) public pure returns (bytes32) {
        return keccak256(abi.encode(deployer, domainId, key));
    }

    /// @notice The address the clone of `implementation` for (`deployer`, `domainId`, `key`) has or will have.
    function predictAddress(address implementation, address deployer, bytes32 domainId, bytes32 key)
        external
        view
        returns (address)
    {
        return Clones.predictDeterministicAddress(implementation, saltOf(deployer, domainId, key));
    }
}
