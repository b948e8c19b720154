// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title BatchInbox
/// @notice Accepts a domain's transaction batches as calldata. A batch is one codec byte
///         (0 raw RLP, 1 zlib, 2 brotli) followed by the encoded list of signed transactions.
///         The inbox keeps the keccak256 of each batch and emits it, so a reader can fetch the
///         calldata, check it against the stored hash, decompress and decode it.
/// @dev Clone-compatible: no constructor arguments, state set by `initialize`.
contract BatchInbox is Initializable, AccessControl {
    /// @notice Role allowed to post batches.
    bytes32 public constant POSTER_ROLE = keccak256("POSTER_ROLE");
    /// @notice Highest codec id understood (2 = brotli).
    uint8 public constant MAX_CODEC = 2;

    /// @notice Domain whose batches this inbox receives.
    bytes32 public domainId;
    /// @notice Number of batches posted so far; the next batch gets this index.
    uint256 public batchCount;
    /// @notice keccak256 of each posted batch (codec byte included), by index.
    mapping(uint256 index => bytes32 hash) public batchHash;

    /// @notice Batch `index` was posted; its bytes are the calldata of this transaction.
    event BatchPosted(uint256 indexed index, address indexed poster, bytes32 indexed hash, uint8 codec, uint256 size);

    /// @notice The batch has no payload after the codec byte.
    error EmptyBatch();
    /// @notice The codec byte is not one of the known codecs.
    error UnknownCodec(uint8 codec);

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the domain, the admin and the first poster.
    function initialize(bytes32 domainId_, address admin, address poster) external initializer {
        domainId = domainId_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(POSTER_ROLE, poster);
    }

    /// @notice Records a batch. `batch` = codec byte ++ payload.
    /// @return index The batch's index.
    function postBatch(bytes calldata batch) external onlyRole(POSTER_ROLE) returns (uint256 index) {
        if (batch.length < 2) revert EmptyBatch();
        uint8 codec = uint8(batch[0]);
        if (codec > MAX_CODEC) revert UnknownCodec(codec);
        bytes32 hash = keccak256(batch);
        index = batchCount++;
        batchHash[index] = hash;
        emit BatchPosted(index, msg.sender, hash, codec, batch.length);
    }
}
