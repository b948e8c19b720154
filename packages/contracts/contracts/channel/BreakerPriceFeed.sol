// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title BreakerPriceFeed
/// @notice A Chainlink AggregatorV3-compatible USD price feed written by a PRICE_ROLE, read by the
///         circuit breaker's on-chain price source. Clone-compatible (state set in `initialize`).
contract BreakerPriceFeed is AccessControl, Initializable {
    bytes32 public constant PRICE_ROLE = keccak256("PRICE_ROLE");

    uint8 public decimals;
    string public description;
    uint80 private _round;
    int256 private _answer;
    uint256 private _updatedAt;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    error NonPositivePrice(int256 answer);

    constructor() {
        _disableInitializers();
    }

    function initialize(address admin, uint8 decimals_, string calldata description_, int256 answer)
        external
        initializer
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PRICE_ROLE, admin);
        decimals = decimals_;
        description = description_;
        _set(answer);
    }

    /// @notice Publishes a new price (a new round).
    function setAnswer(int256 answer) external onlyRole(PRICE_ROLE) {
        _set(answer);
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return (_round, _answer, _updatedAt, _updatedAt, _round);
    }

    function _set(int256 answer) private {
        if (answer <= 0) revert NonPositivePrice(answer);
        _round += 1;
        _answer = answer;
        _updatedAt = block.timestamp;
        emit AnswerUpdated(answer, _round, block.timestamp);
    }
}
