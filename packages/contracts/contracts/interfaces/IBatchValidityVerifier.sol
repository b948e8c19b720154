// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CrossDomainMessage} from "./IBatchVerifier.sol";

/// @title IBatchValidityVerifier
/// @notice Checks that a batch is well formed (a ZK proof over exactly these messages) without
///         authenticating its sender: for a verifier that authenticated the batch itself.
interface IBatchValidityVerifier {
    /// @notice Reverts with a custom error unless `proof` shows `messages` form a valid batch.
    function verifyValidity(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool);
}
