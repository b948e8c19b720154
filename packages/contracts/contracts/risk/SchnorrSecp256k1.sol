// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title SchnorrSecp256k1
/// @notice Verifies a Schnorr signature over secp256k1 with one `ecrecover` (about 4k gas): for a
///         public key P = (px, parity) and a signature (e, s) over `message`,
///         R = s·G − e·P must hash back to e:
///         e == keccak256(abi.encodePacked(address(R), parity, px, message)).
/// @dev ecrecover(h, v, r, s') returns the address of r⁻¹·(s'·R' − h·G) where R' has x = r and
///      y parity v − 27. With r = px (so R' = P), h = −s·px and s' = −e·px this is s·G − e·P.
///      Signatures are made by the FROST threshold protocol of the risk-domain package, so one
///      signature stands for a threshold of the domain's validators.
library SchnorrSecp256k1 {
    /// @dev secp256k1 group order.
    uint256 internal constant Q = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    /// @notice True when (e, s) is a valid signature of `message` by the key (px, parity).
    /// @param parity 0 for an even y coordinate of P, 1 for odd.
    function verify(uint256 px, uint8 parity, bytes32 message, uint256 e, uint256 s) internal pure returns (bool) {
        if (px == 0 || px >= Q || s == 0 || s >= Q || e == 0 || parity > 1) return false;
        bytes32 sp = bytes32(Q - mulmod(s, px, Q));
        bytes32 ep = bytes32(Q - mulmod(e, px, Q));
        address r = ecrecover(sp, parity + 27, bytes32(px), ep);
        if (r == address(0)) return false;
        return e == uint256(keccak256(abi.encodePacked(r, parity, px, message)));
    }
}
