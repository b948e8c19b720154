// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBatchValidityVerifier} from "../interfaces/IBatchValidityVerifier.sol";
import {IBatchVerifier, CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {AttestationQuorum} from "./AttestationQuorum.sol";
import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @notice The generated Groth16 verifier of the `batchCommitment` circuit (37 public signals).
interface IBatchCommitmentGroth16Verifier {
    function verifyProof(
        uint256[2] calldata a,
        uint256[2][2] calldata b,
        uint256[2] calldata c,
        uint256[37] calldata publicSignals
    ) external view returns (bool);
}

/// @title ZkBatchVerifier
/// @notice `zk` (financial tier) verification: a Groth16 proof that a Poseidon batch root commits
///         to exactly these messages (at most 8), each amount is at most the source domain's
///         per-message cap, and the amounts sum to the total (validity); and the attestations of
///         the source domain's registered batch signers over the same messages (authenticity: the
///         proof carries no secret, so anyone could make one for messages the domain never sent).
/// @dev The contract packs the messages into the circuit's public signals itself, so a proof made
///      for other messages, another cap or another batch nonce fails the pairing check.
///      `proof` = abi.encode(uint256 root, uint256[2] a, uint256[2][2] b, uint256[2] c) (288 bytes)
///      followed by the packed 65-byte signatures of at least `threshold` of the domain's batch
///      signers (set with `setValidatorSet`), ascending, over the same digest the attestation
///      verifiers use. `verifyValidity` checks the proof alone, for a caller that authenticated
///      the batch itself (the HybridVerifier's attestation quorum).
///      Clone-compatible: no constructor arguments, state set in `initialize`.
contract ZkBatchVerifier is IBatchVerifier, IBatchValidityVerifier, AttestationQuorum, Initializable {
    /// @notice Role allowed to set per-message caps.
    bytes32 public constant CAP_ROLE = keccak256("CAP_ROLE");
    /// @notice Messages per proof (the circuit's fixed batch size; shorter batches are padded).
    uint256 public constant MAX_BATCH = 8;
    /// @notice BN254 scalar field modulus.
    uint256 internal constant P = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

    IBatchCommitmentGroth16Verifier public groth16Verifier;
    mapping(bytes32 domainId => uint256 cap) public messageCap;

    event MessageCapSet(bytes32 indexed domainId, uint256 cap);

    error BatchTooLarge(uint256 messages, uint256 max);
    error NoMessageCap(bytes32 domainId);
    error CapTooLarge(uint256 cap);
    error AmountTooLarge(uint256 index, uint256 amount);
    error NonceTooLarge(uint256 index, uint256 nonce);
    error BatchNonceTooLarge(uint256 batchNonce);
    error MalformedProof(uint256 length);
    error InvalidProof();

    constructor() {
        _disableInitializers();
    }

    /// @param admin Receives DEFAULT_ADMIN_ROLE and CAP_ROLE.
    /// @param verifier The deployed BatchCommitmentGroth16Verifier.
    function initialize(address admin, IBatchCommitmentGroth16Verifier verifier) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(CAP_ROLE, admin);
        _grantRole(VALIDATOR_SET_ROLE, admin);
        groth16Verifier = verifier;
    }

    /// @notice Sets the largest amount one message of `domainId` may carry (< 2^128).
    function setMessageCap(bytes32 domainId, uint256 cap) external onlyRole(CAP_ROLE) {
        if (cap >= 2 ** 128) revert CapTooLarge(cap);
        messageCap[domainId] = cap;
        emit MessageCapSet(domainId, cap);
    }

    /// @notice The circuit's public signals for this batch, given the claimed Poseidon `root`.
    function publicSignals(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        uint256 root
    ) public view returns (uint256[37] memory signals) {
        uint256 n = messages.length;
        if (n == 0) revert EmptyBatch();
        if (n > MAX_BATCH) revert BatchTooLarge(n, MAX_BATCH);
        if (batchNonce >= P) revert BatchNonceTooLarge(batchNonce);
        uint256 cap = messageCap[sourceDomain];
        if (cap == 0) revert NoMessageCap(sourceDomain);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            CrossDomainMessage calldata m = messages[i];
            if (m.sourceDomain != sourceDomain) revert WrongSourceDomain(i, sourceDomain, m.sourceDomain);
            if (m.amount >= 2 ** 128) revert AmountTooLarge(i, m.amount);
            if (m.nonce >= 2 ** 64) revert NonceTooLarge(i, m.nonce);
            signals[5 + i] = uint256(m.destinationDomain) % P;
            signals[13 + i] = (uint256(uint160(m.sender)) << 64) | m.nonce;
            signals[21 + i] = uint256(uint160(m.recipient));
            signals[29 + i] = m.amount;
            total += m.amount;
        }
        signals[0] = root;
        signals[1] = uint256(sourceDomain) % P;
        signals[2] = batchNonce;
        signals[3] = cap;
        signals[4] = total;
    }

    /// @inheritdoc IBatchVerifier
    /// @dev Validity (the Groth16 proof in the first 288 bytes) and authenticity (the signers'
    ///      attestations after them).
    function verifyBatch(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool) {
        if (proof.length < 288) revert MalformedProof(proof.length);
        _checkValidity(sourceDomain, batchNonce, messages, proof[:288]);
        _checkAttestations(sourceDomain, batchNonce, BatchAttestationLib.batchRoot(messages), proof[288:]);
        return true;
    }

    /// @inheritdoc IBatchValidityVerifier
    /// @dev The Groth16 proof alone (no attestations), as the HybridVerifier uses it after its
    ///      attestation quorum. `proof` abi.encode(uint256 root, uint256[2] a, uint256[2][2] b, uint256[2] c).
    function verifyValidity(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) external view returns (bool) {
        if (proof.length != 288) revert MalformedProof(proof.length);
        _checkValidity(sourceDomain, batchNonce, messages, proof);
        return true;
    }

    function _checkValidity(
        bytes32 sourceDomain,
        uint256 batchNonce,
        CrossDomainMessage[] calldata messages,
        bytes calldata proof
    ) private view {
        (uint256 root, uint256[2] memory a, uint256[2][2] memory b, uint256[2] memory c) =
            abi.decode(proof, (uint256, uint256[2], uint256[2][2], uint256[2]));
        uint256[37] memory signals = publicSignals(sourceDomain, batchNonce, messages, root);
        if (root >= P || !groth16Verifier.verifyProof(a, b, c, signals)) revert InvalidProof();
    }
}
