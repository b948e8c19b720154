// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title EraToken
/// @notice ERA, the token validators bond to secure a Caldera risk domain.
/// @dev 18 decimals. The admin grants MINTER_ROLE; minting is the only way supply grows.
contract EraToken is ERC20, ERC20Permit, AccessControl {
    /// @notice Role allowed to mint new ERA.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin Receives DEFAULT_ADMIN_ROLE, MINTER_ROLE and the initial supply.
    /// @param initialSupply ERA base units minted to `admin`.
    constructor(address admin, uint256 initialSupply) ERC20("Caldera ERA", "ERA") ERC20Permit("Caldera ERA") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _mint(admin, initialSupply);
    }

    /// @notice Mints `amount` ERA base units to `to`.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
