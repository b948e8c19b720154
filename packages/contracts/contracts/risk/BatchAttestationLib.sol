// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// @title BatchAttestationLib
/// @notice What a risk domain's validators sign for a batch of outgoing cross-domain messages.
/// @dev batchRoot = keccak256(abi.encode(messages)); a validator signs, with the EIP-191 personal
///      message prefix, keccak256(abi.encode(ATTESTATION_TAG, domainId, batchNonce, batchRoot)).
///      Two valid signatures by one validator over the same (domainId, batchNonce) with different
///      roots are an equivocation.
library BatchAttestationLib {
    /// @notice Type tag hashed into every attestation so its signature cannot be reused elsewhere.
    bytes32 internal constant ATTESTATION_TAG =
        keccak256("CalderaBatchAttestation(bytes32 domainId,uint256 batchNonce,bytes32 batchRoot)");

    /// @notice The keccak batch root of `messages`.
    function batchRoot(CrossDomainMessage[] calldata messages) internal pure returns (bytes32) {
        return keccak256(abi.encode(messages));
    }

    /// @notice The EIP-191 hash a validator signs to attest batch `batchNonce` of `domainId`.
    function digest(bytes32 domainId, uint256 batchNonce, bytes32 root) internal pure returns (bytes32) {
        return MessageHashUtils.toEthSignedMessageHash(keccak256(abi.encode(ATTESTATION_TAG, domainId, batchNonce, root)));
    }

    /// @notice Recovers the signer of a 65-byte (r, s, v) signature over `hash`; address(0) when invalid.
    function recover(bytes32 hash, bytes memory signature) internal pure returns (address signer) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature);
        return err == ECDSA.RecoverError.NoError ? recovered : address(0);
    }

    /// @notice Recovers the signer of the `index`-th 65-byte signature packed in `packed`.
    function recoverPacked(bytes32 hash, bytes calldata packed, uint256 index) internal pure returns (address) {
        bytes32 r;
        bytes32 s;
        uint8 v;
        // Assembly: Reads one 65-byte signature in place from packed calldata (no copy per signature).
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let p := add(packed.offset, mul(index, 65))
            r := calldataload(p)
            s := calldataload(add(p, 32))
            v := byte(0, calldataload(add(p, 64)))
        }
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, v, r, s);
        return err == ECDSA.RecoverError.NoError ? recovered : address(0);
    }
}
