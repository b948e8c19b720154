// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title SandboxDollar
/// @notice sUSD, the 6-decimal dollar token the scenario sandbox moves in its financial load
///         (one base unit is one micro-dollar, the unit of Caldera's USD amounts).
/// @dev The admin grants MINTER_ROLE; a sandbox run mints balances to its load accounts.
contract SandboxDollar is ERC20, AccessControl {
    /// @notice Role allowed to mint new sUSD.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param admin Receives DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) ERC20("Sandbox Dollar", "sUSD") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` to each of `recipients`.
    function mintEach(address[] calldata recipients, uint256 amount) external onlyRole(MINTER_ROLE) {
        for (uint256 i = 0; i < recipients.length; i++) {
            _mint(recipients[i], amount);
        }
    }
}
