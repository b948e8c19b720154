// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBatchVerifier, CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {SchnorrSecp256k1} from "./SchnorrSecp256k1.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title ThresholdAttestationVerifier
/// @notice `simplified` (light tier) verification with one threshold signature: the source
///         domain's validators hold shares of a group key (FROST over secp256k1, made by a
///         distributed key generation), any `threshold` of them sign a batch together, and the
///         result is a single Schnorr signature checked here with one `ecrecover`, whatever the
///         number of validators. Same trust as k-of-n attestations at a fraction of the gas.
/// @dev `proof` = abi.encodePacked(uint256 e, uint256 s) (64 bytes) over the same digest the
///      attestation verifiers use (`BatchAttestationLib.digest`). The group key is written by
///      VALIDATOR_SET_ROLE after each key generation (an epoch). Clone-compatible.
contract ThresholdAttestationVerifier is IBatchVerifier, AccessControl, Initializable {
    bytes32 public constant VALIDATOR_SET_ROLE = keccak256("VALIDATOR_SET_ROLE");

    /// @notice A domain's group public key: x coordinate and y parity (0 even, 1 odd).
    struct GroupKey {
        uint256 x;
        uint8 parity;
        uint64 epoch;
        uint16 validators;
        uint16 threshold;
    }

    mapping(bytes32 domainId => GroupKey) private _keys;

    event GroupKeyUpdated(
        bytes32 indexed domainId, uint64 epoch, uint256 x, uint8 parity, uint256 validators, uint256 threshold
    );

    error NoGroupKey(bytes32 domainId);
    error InvalidGroupKey(uint256 x, uint8 parity);
    error InvalidThreshold(uint256 threshold, uint256 validators);
    error EmptyBatch();
    error WrongSourceDomain(uint256 index, bytes32 expected, bytes32 given);
    error MalformedSignature(uint256 length);
    error InvalidThresholdSignature();

    constructor() {
        _disableInitializers();
    }

    /// @notice Grants `admin` DEFAULT_ADMIN_ROLE and VALIDATOR_SET_ROLE.
    function initialize(address admin) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(VALIDATOR_SET_ROLE, admin);
    }

    /// @notice Sets the group key of `domainId` after a key generation among `validators`
    ///         validators of which `threshold` sign. The counts are recorded for inspection.
    function setGroupKey(bytes32 domainId, uint256 x, uint8 parity, uint256 validators, uint256 threshold)
        external
        onlyRole(VALIDATOR_SET_ROLE)
    {
        if (x == 0 || x >= SchnorrSecp256k1.Q || parity > 1) revert InvalidGroupKey(x, parity);
        if (threshold == 0 || threshold > validators || validators > type(uint16).max) {
            revert InvalidThreshold(threshold, validators);
        }
        uint64 epoch = _keys[domainId].epoch + 1;
        _keys[domainId] = GroupKey(x, parity, epoch, uint16(validators), uint16(threshold));
        emit GroupKeyUpdated(domainId, epoch, x, parity, validators, threshold);
    }

    /// @notice The group key of `domainId` (epoch 0 when none is set).
    function groupKey(bytes32 domainId) external view returns (GroupKey memory) {
        return _keys[domainId];
    }

    /// @inheritdoc IBatchVerifier
    function verifyBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool) {
        if (messages.length == 0) revert EmptyBatch();
        for (uint256 i; i < messages.length; ++i) {
            if (messages[i].sourceDomain != sourceDomain) {
                revert WrongSourceDomain(i, sourceDomain, messages[i].sourceDomain);
            }
        }
        GroupKey memory key = _keys[sourceDomain];
        if (key.epoch == 0) revert NoGroupKey(sourceDomain);
        if (proof.length != 64) revert MalformedSignature(proof.length);
        uint256 e = uint256(bytes32(proof[0:32]));
        uint256 s = uint256(bytes32(proof[32:64]));
        bytes32 digest = BatchAttestationLib.digest(sourceDomain, batchNonce, BatchAttestationLib.batchRoot(messages));
        if (!SchnorrSecp256k1.verify(key.x, key.parity, digest, e, s)) revert InvalidThresholdSignature();
        return true;
    }
}
