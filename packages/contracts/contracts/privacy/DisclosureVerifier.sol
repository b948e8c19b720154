// SPDX-License-Identifier: GPL-3.0
pragma solidity ^0.8.24;

import {Notary} from "./Notary.sol";
import {DisclosureGroth16Verifier} from "./verifiers/DisclosureGroth16Verifier.sol";

/// @title DisclosureVerifier
/// @notice A Notary that also verifies disclosure proofs (a private field of a notarized record
/// lies in a public range) against its own roots and spends each proof's nullifier, so a proof
/// cannot be replayed. The Groth16 verifier is inherited (constants only; it is called as an
/// external self-call because its assembly ends the call frame with `return`) and the roots are
/// local storage, so one `disclose` costs about 260k gas; the contract stays clone-compatible.
/// @dev Send `disclose` with explicit gas (for example 400k): `eth_estimateGas` under-estimates the
/// pairing precompile, and the snarkjs verifier reports an out-of-gas pairing as an invalid proof.
contract DisclosureVerifier is Notary, DisclosureGroth16Verifier {
    /// @notice Statements are below 2^115: fieldIndex (3 bits), min and max (40 bits each), scope (32 bits).
    uint256 public constant STATEMENT_LIMIT = 1 << 115;

    /// @notice Spent nullifiers.
    mapping(uint256 nullifier => bool) public nullifierUsed;

    /// @notice A disclosure was verified. `statement` packs field index, bounds and scope.
    event Disclosed(uint256 indexed nullifier, uint256 root, uint256 statement);

    error UnknownRoot(uint256 root);
    error NullifierAlreadyUsed(uint256 nullifier);
    error StatementOutOfRange(uint256 statement);
    error InvalidProof();

    /// @notice Verifies a disclosure proof and spends its nullifier.
    /// @param a Groth16 proof point A.
    /// @param b Groth16 proof point B (EVM order).
    /// @param c Groth16 proof point C.
    /// @param publicSignals `[root, nullifier, statement]`: the notarized root the proof is made
    /// against, the one-time nullifier `Poseidon(salt, statement)`, and the packed statement
    /// `fieldIndex + min·2^3 + max·2^43 + scope·2^83`.
    function disclose(
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[3] calldata publicSignals
    ) external {
        uint256 root = publicSignals[0];
        uint256 nullifier = publicSignals[1];
        uint256 statement = publicSignals[2];
        if (nullifierUsed[nullifier]) revert NullifierAlreadyUsed(nullifier);
        if (batchOfRoot[root] == 0) revert UnknownRoot(root);
        if (statement >= STATEMENT_LIMIT) revert StatementOutOfRange(statement);
        if (!this.verifyProof(a, b, c, publicSignals)) revert InvalidProof();
        nullifierUsed[nullifier] = true;
        emit Disclosed(nullifier, root, statement);
    }

    /// @notice Checks a disclosure without spending it: proof valid, root notarized, nullifier unused.
    function isValidDisclosure(
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[3] calldata publicSignals
    ) external view returns (bool) {
        return !nullifierUsed[publicSignals[1]] && batchOfRoot[publicSignals[0]] != 0
            && publicSignals[2] < STATEMENT_LIMIT && this.verifyProof(a, b, c, publicSignals);
    }
}
