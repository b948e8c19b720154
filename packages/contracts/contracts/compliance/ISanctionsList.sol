// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ISanctionsList
/// @notice The interface on-chain code calls to screen an address.
interface ISanctionsList {
    /// @notice Whether `account` is currently sanctioned.
    function isSanctioned(address account) external view returns (bool);
}
