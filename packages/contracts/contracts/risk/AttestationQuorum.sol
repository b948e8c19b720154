// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title AttestationQuorum
/// @notice Destination-chain copy of source domains' validator sets and the k-of-n attestation
///         check shared by AttestationVerifier and HybridVerifier.
/// @dev Attestations are 65-byte (r, s, v) signatures packed back to back, signers strictly ascending.
abstract contract AttestationQuorum is AccessControl {
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
    function isValidator(bytes32 domainId, address validator) public view returns (bool) {
        return _members[domainId][_sets[domainId].epoch][validator];
    }

    /// @notice The keccak batch root the validators sign.
    function batchRoot(CrossDomainMessage[] calldata messages) external pure returns (bytes32) {
        return BatchAttestationLib.batchRoot(messages);
    }

    /// @dev Checks the batch's messages come from `sourceDomain`.
    function _checkMessages(bytes32 sourceDomain, CrossDomainMessage[] calldata messages) internal pure {
        if (messages.length == 0) revert EmptyBatch();
        for (uint256 i; i < messages.length; ++i) {
            if (messages[i].sourceDomain != sourceDomain) {
                revert WrongSourceDomain(i, sourceDomain, messages[i].sourceDomain);
            }
        }
    }

    /// @dev Reverts unless `attestations` holds at least the threshold of valid signatures of
    ///      distinct current validators of `domainId` over (domainId, batchNonce, root).
    function _checkAttestations(bytes32 domainId, uint256 batchNonce, bytes32 root, bytes calldata attestations)
        internal
        view
    {
        ValidatorSet memory set = _sets[domainId];
        if (set.epoch == 0) revert NoValidatorSet(domainId);
        if (attestations.length % 65 != 0) revert MalformedAttestations(attestations.length);
        uint256 count = attestations.length / 65;
        if (count < set.threshold) revert QuorumNotReached(count, set.threshold);
        bytes32 hash = BatchAttestationLib.digest(domainId, batchNonce, root);
        mapping(address => bool) storage members = _members[domainId][set.epoch];
        address previous;
        for (uint256 i; i < count; ++i) {
            address signer = BatchAttestationLib.recoverPacked(hash, attestations, i);
            if (signer == address(0)) revert InvalidSignature(i);
            if (signer <= previous) revert SignersNotAscending(i, signer);
            if (!members[signer]) revert NotAValidator(i, signer);
            previous = signer;
        }
    }
}
