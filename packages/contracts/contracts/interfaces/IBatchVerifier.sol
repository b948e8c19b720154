// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice A value transfer from one risk domain's channel to another's.
/// @dev Leaves of a batch are derived from these fields by each verifier in its own way
///      (keccak for attestations, Poseidon inside ZK circuits).
struct CrossDomainMessage {
    bytes32 sourceDomain;
    bytes32 destinationDomain;
    uint256 nonce;
    address sender;
    address recipient;
    uint256 amount;
}

/// @title IBatchVerifier
/// @notice Verifies a batch of cross-domain messages according to the source domain's tier:
///         k-of-n attestations (light), attestation quorum + challenge window + ZK above a value
///         (enterprise), or a Groth16 proof (financial).
interface IBatchVerifier {
    /// @notice Checks that `messages`, sent by `sourceDomain` as batch `batchNonce`, may execute now.
    /// @dev Reverts with a custom error when the batch is invalid or not yet executable.
    /// @param proof Tier-specific encoding (attestations and/or a Groth16 proof).
    /// @return True when the batch is verified.
    function verifyBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external returns (bool);
}
