// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBatchValidityVerifier} from "../interfaces/IBatchValidityVerifier.sol";
import {IBatchVerifier, CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {AttestationQuorum} from "./AttestationQuorum.sol";
import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title HybridVerifier
/// @notice `hybrid` (enterprise tier) verification on the destination chain: a batch is submitted
///         with an attestation quorum, can be challenged during the challenge window, and verifies
///         only after the window. A batch whose total amount exceeds `zkProofAbove` also needs a
///         ZK proof, checked by `zkVerifier` (a ZkBatchVerifier).
/// @dev Challenges: CHALLENGER_ROLE (watchers) at will, or anyone with a validator's signature
///      over a different root for the same batch nonce (evidence of a conflicting batch).
///      Clone-compatible: no constructor arguments, state set in `initialize`.
contract HybridVerifier is IBatchVerifier, AttestationQuorum, Initializable {
    /// @notice Role allowed to challenge a submitted batch without evidence.
    bytes32 public constant CHALLENGER_ROLE = keccak256("CHALLENGER_ROLE");

    struct Submission {
        bytes32 root;
        uint64 executableAt;
        bool challenged;
    }

    uint64 public challengeWindow;
    uint256 public zkProofAbove;
    IBatchValidityVerifier public zkVerifier;
    mapping(bytes32 domainId => mapping(uint256 batchNonce => Submission)) private _submissions;

    event BatchSubmitted(bytes32 indexed domainId, uint256 indexed batchNonce, bytes32 root, uint64 executableAt);
    event BatchChallenged(bytes32 indexed domainId, uint256 indexed batchNonce, address challenger);
    event ConfigUpdated(uint64 challengeWindow, uint256 zkProofAbove, address zkVerifier);

    error AlreadySubmitted(bytes32 domainId, uint256 batchNonce);
    error NotSubmitted(bytes32 domainId, uint256 batchNonce);
    error RootMismatch(bytes32 submitted, bytes32 given);
    error ChallengeWindowOpen(uint64 executableAt);
    error ChallengeWindowClosed(uint64 executableAt);
    error BatchWasChallenged(bytes32 domainId, uint256 batchNonce);
    error NoConflict();
    error ZkProofRequired(uint256 total, uint256 zkProofAbove);
    error ZkProofInvalid();

    constructor() {
        _disableInitializers();
    }

    /// @param admin Receives DEFAULT_ADMIN_ROLE, VALIDATOR_SET_ROLE and CHALLENGER_ROLE.
    /// @param window Seconds a submitted batch waits before it verifies.
    /// @param zkAbove Total amount (token base units) above which a batch needs a ZK proof.
    /// @param zk The verifier of those proofs (address(0): batches above `zkAbove` never verify).
    function initialize(address admin, uint64 window, uint256 zkAbove, IBatchValidityVerifier zk) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(VALIDATOR_SET_ROLE, admin);
        _grantRole(CHALLENGER_ROLE, admin);
        _setConfig(window, zkAbove, zk);
    }

    /// @notice Changes the challenge window, the ZK threshold and the ZK verifier.
    function setConfig(uint64 window, uint256 zkAbove, IBatchValidityVerifier zk) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setConfig(window, zkAbove, zk);
    }

    /// @notice Submits batch `batchNonce` of `sourceDomain` with its attestation quorum; the
    ///         challenge window starts now. Anyone (a relayer) may submit.
    function submitBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata attestations
    ) external returns (uint64 executableAt) {
        Submission storage s = _submissions[sourceDomain][batchNonce];
        if (s.root != bytes32(0)) revert AlreadySubmitted(sourceDomain, batchNonce);
        _checkMessages(sourceDomain, messages);
        bytes32 root = BatchAttestationLib.batchRoot(messages);
        _checkAttestations(sourceDomain, batchNonce, root, attestations);
        executableAt = uint64(block.timestamp) + challengeWindow;
        s.root = root;
        s.executableAt = executableAt;
        emit BatchSubmitted(sourceDomain, batchNonce, root, executableAt);
    }

    /// @notice Challenges a submitted batch during its window (CHALLENGER_ROLE); it never verifies.
    function challenge(bytes32 sourceDomain, uint256 batchNonce) external onlyRole(CHALLENGER_ROLE) {
        _challenge(sourceDomain, batchNonce);
    }

    /// @notice Challenges a submitted batch with evidence: a current validator's signature over a
    ///         different root for the same domain and batch nonce. Anyone may call it.
    function challengeWithConflict(bytes32 sourceDomain, uint256 batchNonce, bytes32 otherRoot, bytes calldata signature)
        external
    {
        Submission storage s = _submissions[sourceDomain][batchNonce];
        if (s.root == bytes32(0)) revert NotSubmitted(sourceDomain, batchNonce);
        if (otherRoot == s.root) revert NoConflict();
        address signer =
            BatchAttestationLib.recover(BatchAttestationLib.digest(sourceDomain, batchNonce, otherRoot), signature);
        if (signer == address(0) || !isValidator(sourceDomain, signer)) revert NoConflict();
        _challenge(sourceDomain, batchNonce);
    }

    /// @notice The submission of batch `batchNonce` of `sourceDomain`.
    function submission(bytes32 sourceDomain, uint256 batchNonce)
        external
        view
        returns (bytes32 root, uint64 executableAt, bool challenged)
    {
        Submission memory s = _submissions[sourceDomain][batchNonce];
        return (s.root, s.executableAt, s.challenged);
    }

    /// @inheritdoc IBatchVerifier
    /// @dev `proof` is empty, or the ZK proof when the batch total exceeds `zkProofAbove`.
    function verifyBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool) {
        Submission memory s = _submissions[sourceDomain][batchNonce];
        if (s.root == bytes32(0)) revert NotSubmitted(sourceDomain, batchNonce);
        bytes32 root = BatchAttestationLib.batchRoot(messages);
        if (root != s.root) revert RootMismatch(s.root, root);
        if (s.challenged) revert BatchWasChallenged(sourceDomain, batchNonce);
        if (block.timestamp < s.executableAt) revert ChallengeWindowOpen(s.executableAt);
        uint256 total;
        for (uint256 i; i < messages.length; ++i) {
            total += messages[i].amount;
        }
        if (total > zkProofAbove) {
            if (proof.length == 0 || address(zkVerifier) == address(0)) revert ZkProofRequired(total, zkProofAbove);
            if (!zkVerifier.verifyValidity(sourceDomain, batchNonce, messages, proof)) revert ZkProofInvalid();
        }
        return true;
    }

    function _challenge(bytes32 sourceDomain, uint256 batchNonce) private {
        Submission storage s = _submissions[sourceDomain][batchNonce];
        if (s.root == bytes32(0)) revert NotSubmitted(sourceDomain, batchNonce);
        if (block.timestamp >= s.executableAt) revert ChallengeWindowClosed(s.executableAt);
        s.challenged = true;
        emit BatchChallenged(sourceDomain, batchNonce, msg.sender);
    }

    function _setConfig(uint64 window, uint256 zkAbove, IBatchValidityVerifier zk) private {
        challengeWindow = window;
        zkProofAbove = zkAbove;
        zkVerifier = zk;
        emit ConfigUpdated(window, zkAbove, address(zk));
    }
}
