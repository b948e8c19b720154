// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBatchVerifier, CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title AttestationVerifier
/// @notice `simplified` (light tier) verification on the destination chain: a batch is valid when
///         at least `threshold` of the source domain's registered validators signed its root.
/// @dev Keeps its own copy of each source domain's validator set, written by VALIDATOR_SET_ROLE.
///      `proof` = 65-byte (r, s, v) signatures packed back to back, signers strictly ascending.
///      Clone-compatible: no constructor arguments, state set in `initialize`.
contract AttestationVerifier is IBatchVerifier, AccessControl, Initializable {
    /// @notice Role allowed to replace a source domain's validator set.
    bytes32 public constant VALIDATOR_SET_ROLE = keccak256("VALIDATOR_SET_ROLE");

    struct ValidatorSet {
        uint64 epoch;
        uint32 size;
        uint32 threshold;
    }

    mapping(bytes32 domainId => ValidatorSet) private _sets;
    mapping(bytes32 domainId => mapping(uint64 epoch => mapping(address validator => bool))) private _members;

    /// @notice A source domain's validator set was replaced.
    event ValidatorSetUpdated(bytes32 indexed domainId, uint64 epoch, address[] validators, uint256 threshold);

    error NoValidatorSet(bytes32 domainId);
    error InvalidThreshold(uint256 threshold, uint256 size);
    error DuplicateValidator(address validator);
    error ZeroValidator();
    error EmptyBatch();
    error WrongSourceDomain(uint256 index, bytes32 expected, bytes32 given);
    error MalformedAttestations(uint256 length);
    error InvalidSignature(uint256 index);
    error SignersNotAscending(uint256 index, address signer);
    error NotAValidator(uint256 index, address signer);
    error QuorumNotReached(uint256 signatures, uint256 threshold);

    constructor() {
        _disableInitializers();
    }

    /// @notice Grants `admin` DEFAULT_ADMIN_ROLE and VALIDATOR_SET_ROLE.
    function initialize(address admin) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(VALIDATOR_SET_ROLE, admin);
    }

    /// @notice Replaces the validator set of `domainId`; `threshold` signatures verify a batch.
    function setValidatorSet(bytes32 domainId, address[] calldata validators, uint256 threshold)
        external
        onlyRole(VALIDATOR_SET_ROLE)
    {
        if (threshold == 0 || threshold > validators.length) revert InvalidThreshold(threshold, validators.length);
        uint64 epoch = _sets[domainId].epoch + 1;
        mapping(address => bool) storage members = _members[domainId][epoch];
        for (uint256 i; i < validators.length; ++i) {
            address v = validators[i];
            if (v == address(0)) revert ZeroValidator();
            if (members[v]) revert DuplicateValidator(v);
            members[v] = true;
        }
        _sets[domainId] = ValidatorSet(epoch, uint32(validators.length), uint32(threshold));
        emit ValidatorSetUpdated(domainId, epoch, validators, threshold);
    }

    /// @notice The current set of `domainId`: epoch (0 = none), size and threshold.
    function validatorSet(bytes32 domainId) external view returns (uint64 epoch, uint256 size, uint256 threshold) {
        ValidatorSet memory s = _sets[domainId];
        return (s.epoch, s.size, s.threshold);
    }

    /// @notice Whether `validator` is in the current set of `domainId`.
    function isValidator(bytes32 domainId, address validator) external view returns (bool) {
        return _members[domainId][_sets[domainId].epoch][validator];
    }

    /// @notice The keccak batch root the validators sign.
    function batchRoot(CrossDomainMessage[] calldata messages) external pure returns (bytes32) {
        return BatchAttestationLib.batchRoot(messages);
    }

    /// @inheritdoc IBatchVerifier
    function verifyBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool) {
        ValidatorSet memory set = _sets[sourceDomain];
        if (set.epoch == 0) revert NoValidatorSet(sourceDomain);
        if (messages.length == 0) revert EmptyBatch();
        for (uint256 i; i < messages.length; ++i) {
            if (messages[i].sourceDomain != sourceDomain) {
                revert WrongSourceDomain(i, sourceDomain, messages[i].sourceDomain);
            }
        }
        if (proof.length % 65 != 0) revert MalformedAttestations(proof.length);
        uint256 count = proof.length / 65;
        if (count < set.threshold) revert QuorumNotReached(count, set.threshold);
        bytes32 hash = BatchAttestationLib.digest(sourceDomain, batchNonce, BatchAttestationLib.batchRoot(messages));
        mapping(address => bool) storage members = _members[sourceDomain][set.epoch];
        address previous;
        for (uint256 i; i < count; ++i) {
            address signer = BatchAttestationLib.recoverPacked(hash, proof, i);
            if (signer == address(0)) revert InvalidSignature(i);
            if (signer <= previous) revert SignersNotAscending(i, signer);
            if (!members[signer]) revert NotAValidator(i, signer);
            previous = signer;
        }
        return true;
    }
}
