// SPDX-License-Identifier: GPL-3.0
pragma solidity ^0.8.24;

import {Notary} from "./Notary.sol";
import {DisclosureGroth16Verifier} from "./verifiers/DisclosureGroth16Verifier.sol";

/// @title DisclosureVerifier
/// @notice A Notary that also verifies disclosure proofs (a private field of a notarized record
/// lies in a public range) against its own roots and spends each proof's nullifier, so a proof
/// cannot be replayed. The Groth16 verifier is inherited (constants only) and the roots are local
/// storage, so one `disclose` costs about 255k gas; the contract stays clone-compatible.
/// @dev Send `disclose` with explicit gas (for example 400k): `eth_estimateGas` under-estimates the
/// pairing precompile, and the snarkjs verifier reports an out-of-gas pairing as an invalid proof.
contract DisclosureVerifier is Notary, DisclosureGroth16Verifier {
    /// @notice Statements are below 2^115: fieldIndex (3 bits), min and max (40 bits each), scope (32 bits).
    uint256 public constant STATEMENT_LIMIT = 1 << 115;

    /// @notice Spent nullifiers.
    mapping(uint128 nullifier => bool) public nullifierUsed;

    /// @notice A disclosure was verified. `statement` packs field index, bounds and scope.
    event Disclosed(uint128 indexed nullifier, uint256 root, uint256 statement);

    error UnknownRoot(uint256 root);
    error NullifierAlreadyUsed(uint128 nullifier);
    error StatementOutOfRange(uint256 statement);
    error InvalidProof();

    /// @notice Verifies a disclosure proof and spends its nullifier.
    /// @param proof Groth16 proof `[a0, a1, b00, b01, b10, b11, c0, c1]` (b in EVM order).
    /// @param root Notarized tree root the proof is made against.
    /// @param nullifier The proof's nullifier (one use).
    /// @param statement Packed statement: fieldIndex + min·2^3 + max·2^43 + scope·2^83.
    function disclose(uint256[8] calldata proof, uint256 root, uint128 nullifier, uint256 statement) external {
        if (nullifierUsed[nullifier]) revert NullifierAlreadyUsed(nullifier);
        if (batchOfRoot[root] == 0) revert UnknownRoot(root);
        if (statement >= STATEMENT_LIMIT) revert StatementOutOfRange(statement);
        if (!_check(proof, root, nullifier, statement)) revert InvalidProof();
        nullifierUsed[nullifier] = true;
        emit Disclosed(nullifier, root, statement);
    }

    /// @notice Checks a disclosure without spending it: proof valid, root notarized, nullifier unused.
    function isValidDisclosure(uint256[8] calldata proof, uint256 root, uint128 nullifier, uint256 statement)
        external
        view
        returns (bool)
    {
        return !nullifierUsed[nullifier] && batchOfRoot[root] != 0 && statement < STATEMENT_LIMIT
            && _check(proof, root, nullifier, statement);
    }

    /// @notice The circuit's `claim` public input: `nullifier + statement·2^128`.
    function claimOf(uint128 nullifier, uint256 statement) public pure returns (uint256) {
        return uint256(nullifier) | (statement << 128);
    }

    function _check(uint256[8] calldata proof, uint256 root, uint128 nullifier, uint256 statement)
        private
        view
        returns (bool)
    {
        return this.verifyProof(
            [proof[0], proof[1]],
            [[proof[2], proof[3]], [proof[4], proof[5]]],
            [proof[6], proof[7]],
            [root, claimOf(nullifier, statement)]
        );
    }
}
