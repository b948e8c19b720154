// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title Notary
/// @notice Stores the roots of the privacy notarization tree (8-ary Poseidon tree of record
/// commitments) batch by batch. Clone-compatible: deploy once, clone, then `initialize`.
contract Notary is Initializable, AccessControl {
    bytes32 public constant NOTARIZER_ROLE = keccak256("NOTARIZER_ROLE");
    uint256 internal constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    struct Batch {
        uint256 root;
        uint64 recordCount;
        uint64 notarizedAt;
    }

    Batch[] private _batches;
    /// @notice Batch number (1-based) of each notarized root; 0 when unknown.
    mapping(uint256 root => uint256 batchNumber) public batchOfRoot;

    event BatchNotarized(uint256 indexed batchNumber, uint256 indexed root, uint256 recordCount);

    error RootOutOfField(uint256 root);
    error RootAlreadyNotarized(uint256 root);
    error RecordCountNotIncreasing(uint256 previous, uint256 given);
    error ZeroAddress();

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the admin and the first notarizer (a clone's only setup call).
    function initialize(address admin, address notarizer) public virtual initializer {
        _initializeNotary(admin, notarizer);
    }

    function _initializeNotary(address admin, address notarizer) internal onlyInitializing {
        if (admin == address(0) || notarizer == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(NOTARIZER_ROLE, notarizer);
    }

    /// @notice Records the tree root after a batch of records was appended.
    /// @param root The tree root (a BN254 field element).
    /// @param recordCount Total number of records in the tree after this batch.
    /// @return batchNumber The 1-based number of this batch.
    function notarize(uint256 root, uint256 recordCount) external onlyRole(NOTARIZER_ROLE) returns (uint256 batchNumber) {
        if (root >= SNARK_SCALAR_FIELD) revert RootOutOfField(root);
        if (batchOfRoot[root] != 0) revert RootAlreadyNotarized(root);
        uint256 length = _batches.length;
        uint256 previous = length == 0 ? 0 : _batches[length - 1].recordCount;
        if (recordCount <= previous) revert RecordCountNotIncreasing(previous, recordCount);
        _batches.push(Batch({root: root, recordCount: uint64(recordCount), notarizedAt: uint64(block.timestamp)}));
        batchNumber = length + 1;
        batchOfRoot[root] = batchNumber;
        emit BatchNotarized(batchNumber, root, recordCount);
    }

    /// @notice Whether `root` was notarized in some batch.
    function isKnownRoot(uint256 root) public view returns (bool) {
        return batchOfRoot[root] != 0;
    }

    /// @notice Number of notarized batches.
    function batchCount() external view returns (uint256) {
        return _batches.length;
    }

    /// @notice A batch by its 1-based number.
    function batch(uint256 batchNumber) external view returns (Batch memory) {
        return _batches[batchNumber - 1];
    }

    /// @notice Root of the latest batch (0 before the first).
    function latestRoot() external view returns (uint256) {
        uint256 length = _batches.length;
        return length == 0 ? 0 : _batches[length - 1].root;
    }
}
