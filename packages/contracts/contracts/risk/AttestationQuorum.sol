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

    /// @dev The set's addresses, sorted ascending, live packed (20 bytes each, after a STOP byte)
    ///      in the code of a data contract: one EXTCODECOPY loads them all, far cheaper than one
    ///      cold SLOAD per signer.
    struct ValidatorSet {
        uint32 epoch;
        uint16 size;
        uint16 threshold;
        address data;
    }

    mapping(bytes32 domainId => ValidatorSet) private _sets;

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

    /// @notice Replaces the validator set of `domainId` (any order; at most 1,000); `threshold`
    ///         signatures verify a batch.
    function setValidatorSet(bytes32 domainId, address[] calldata validators, uint256 threshold)
        external
        onlyRole(VALIDATOR_SET_ROLE)
    {
        uint256 n = validators.length;
        if (n > 1_000 || threshold == 0 || threshold > n) revert InvalidThreshold(threshold, n);
        address[] memory sorted = validators;
        for (uint256 i = 1; i < n; ++i) {
            address key = sorted[i];
            uint256 j = i;
            while (j > 0 && sorted[j - 1] > key) {
                sorted[j] = sorted[j - 1];
                --j;
            }
            sorted[j] = key;
        }
        if (sorted[0] == address(0)) revert ZeroValidator();
        for (uint256 i = 1; i < n; ++i) {
            if (sorted[i] == sorted[i - 1]) revert DuplicateValidator(sorted[i]);
        }
        address data = _writeSet(sorted);
        uint32 epoch = _sets[domainId].epoch + 1;
        _sets[domainId] = ValidatorSet(epoch, uint16(n), uint16(threshold), data);
        emit ValidatorSetUpdated(domainId, epoch, validators, threshold);
    }

    /// @notice The current set of `domainId`: epoch (0 = none), size and threshold.
    function validatorSet(bytes32 domainId) external view returns (uint64 epoch, uint256 size, uint256 threshold) {
        ValidatorSet memory s = _sets[domainId];
        return (s.epoch, s.size, s.threshold);
    }

    /// @notice The current validators of `domainId`, ascending.
    function validatorsOf(bytes32 domainId) public view returns (address[] memory validators) {
        ValidatorSet memory s = _sets[domainId];
        bytes memory packed = _readSet(s);
        validators = new address[](s.size);
        for (uint256 i; i < s.size; ++i) {
            address v;
            // Assembly: Reads the 20-byte address at index i of the packed validator set.
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                v := shr(96, mload(add(add(packed, 32), mul(i, 20))))
            }
            validators[i] = v;
        }
    }

    /// @notice Whether `validator` is in the current set of `domainId`.
    function isValidator(bytes32 domainId, address validator) public view returns (bool) {
        address[] memory list = validatorsOf(domainId);
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == validator) return true;
        }
        return false;
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
        bytes memory packed = _readSet(set);
        uint256 size = set.size;
        uint256 j; // cursor in the ascending validator list
        address previous;
        for (uint256 i; i < count; ++i) {
            address signer = BatchAttestationLib.recoverPacked(hash, attestations, i);
            if (signer == address(0)) revert InvalidSignature(i);
            if (signer <= previous) revert SignersNotAscending(i, signer);
            address member;
            while (j < size) {
                // Assembly: Reads the 20-byte address at index j of the packed validator set (no copy).
                // solhint-disable-next-line no-inline-assembly
                assembly ("memory-safe") {
                    member := shr(96, mload(add(add(packed, 32), mul(j, 20))))
                }
                if (member >= signer) break;
                ++j;
            }
            if (j == size || member != signer) revert NotAValidator(i, signer);
            ++j;
            previous = signer;
        }
    }

    /// @dev Deploys a data contract whose code is a STOP byte followed by `sorted`, packed.
    function _writeSet(address[] memory sorted) private returns (address data) {
        bytes memory packed = new bytes(sorted.length * 20);
        for (uint256 i; i < sorted.length; ++i) {
            address v = sorted[i];
            // Assembly: Writes a 20-byte address into the packed validator set.
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                mstore(add(add(packed, 32), mul(i, 20)), shl(96, v))
            }
        }
        bytes memory init = abi.encodePacked(
            hex"61", uint16(packed.length + 1), hex"80600a3d393df300", packed
        );
        // Assembly: CREATE of the data contract that stores the validator set as code (SSTORE2 pattern).
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            data := create(0, add(init, 32), mload(init))
        }
        if (data == address(0)) revert ZeroValidator();
    }

    /// @dev The packed addresses of `set` (20 bytes each), read from its data contract.
    function _readSet(ValidatorSet memory set) private view returns (bytes memory packed) {
        uint256 length = uint256(set.size) * 20;
        address data = set.data;
        packed = new bytes(length);
        // Assembly: Reads the validator set back from the data contract's code.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            extcodecopy(data, add(packed, 32), 1, length)
        }
    }
}
