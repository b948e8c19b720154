// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @title CloneInitializer
/// @notice Creates an EIP-1167 clone of `implementation` and calls its initialiser in the same
///         transaction, from this contract's constructor, so nobody can initialise the clone
///         first (a clone created in one transaction and initialised in a second can be taken
///         over by whoever calls `initialize` in between). Either the initialised clone exists
///         afterwards or nothing does.
/// @dev Deploy it with the two constructor arguments; read the clone's address from the
///      `CloneInitialized` event (it is also this contract's first CREATE address, nonce 1).
contract CloneInitializer {
    /// @notice The clone was created and initialised.
    event CloneInitialized(address indexed clone, address indexed implementation);

    /// @notice `implementation` has no code on this chain.
    error NoImplementationCode(address implementation);
    /// @notice The clone's initialiser reverted with `reason`; the deployment is undone.
    error InitializationFailed(address clone, bytes reason);

    constructor(address implementation, bytes memory initData) {
        if (implementation.code.length == 0) revert NoImplementationCode(implementation);
        address clone = Clones.clone(implementation);
        // The initialiser's calldata is arbitrary and its revert data must be kept.
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory reason) = clone.call(initData);
        if (!ok) revert InitializationFailed(clone, reason);
        emit CloneInitialized(clone, implementation);
    }
}
