// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title SanctionsRegistry
/// @notice On-chain mirror of a versioned sanctions list that contracts query with
///         `isSanctioned(address)`. The list manager pushes listings and delistings and tags each
///         update with the off-chain list version it reflects.
/// @dev Clone-compatible: no constructor arguments, no immutables; roles granted in `initialize`.
contract SanctionsRegistry is Initializable, AccessControl {
    /// @notice Role allowed to list and delist addresses.
    bytes32 public constant LIST_MANAGER_ROLE = keccak256("LIST_MANAGER_ROLE");

    mapping(address account => bool) private _sanctioned;

    /// @notice Version (e.g. keccak256 of "ofac-sdn-eth@0650c71e") of the last applied update.
    bytes32 public listVersion;

    /// @notice Number of addresses currently listed.
    uint256 public listedCount;

    /// @notice Emitted for every address whose status changes.
    event SanctionStatusChanged(address indexed account, bool sanctioned, bytes32 indexed version);

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up the registry.
    /// @param admin Receives DEFAULT_ADMIN_ROLE and LIST_MANAGER_ROLE.
    function initialize(address admin) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(LIST_MANAGER_ROLE, admin);
    }

    /// @notice Whether `account` is currently sanctioned.
    function isSanctioned(address account) external view returns (bool) {
        return _sanctioned[account];
    }

    /// @notice Lists (`sanctioned` true) or delists `accounts`, recording the list `version`.
    function setSanctioned(address[] calldata accounts, bool sanctioned, bytes32 version)
        external
        onlyRole(LIST_MANAGER_ROLE)
    {
        uint256 count = listedCount;
        for (uint256 i = 0; i < accounts.length; ++i) {
            address account = accounts[i];
            if (_sanctioned[account] == sanctioned) continue;
            _sanctioned[account] = sanctioned;
            if (sanctioned) ++count;
            else --count;
            emit SanctionStatusChanged(account, sanctioned, version);
        }
        listedCount = count;
        listVersion = version;
    }
}
