// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBatchVerifier, CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {AttestationQuorum} from "./AttestationQuorum.sol";
import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title AttestationVerifier
/// @notice `simplified` (light tier) verification on the destination chain: a batch is valid when
///         at least `threshold` of the source domain's registered validators signed its root.
/// @dev Keeps its own copy of each source domain's validator set, written by VALIDATOR_SET_ROLE.
///      `proof` = 65-byte (r, s, v) signatures packed back to back, signers strictly ascending.
///      Clone-compatible: no constructor arguments, state set in `initialize`.
contract AttestationVerifier is IBatchVerifier, AttestationQuorum, Initializable {
    constructor() {
        _disableInitializers();
    }

    /// @notice Grants `admin` DEFAULT_ADMIN_ROLE and VALIDATOR_SET_ROLE.
    function initialize(address admin) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(VALIDATOR_SET_ROLE, admin);
    }

    /// @inheritdoc IBatchVerifier
    function verifyBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool) {
        _checkMessages(sourceDomain, messages);
        _checkAttestations(sourceDomain, batchNonce, BatchAttestationLib.batchRoot(messages), proof);
        return true;
    }
}
