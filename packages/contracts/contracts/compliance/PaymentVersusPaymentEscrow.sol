// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ISanctionsList} from "./ISanctionsList.sol";

/// @title PaymentVersusPaymentEscrow
/// @notice Payment-versus-payment settlement of two token legs: party A pays `amountA` of
///         `tokenA` to B and party B pays `amountB` of `tokenB` to A — both legs or neither. Each
///         party deposits its leg; the deposit that completes the pair settles both legs in the
///         same transaction. After the deadline an unsettled trade is refunded: every deposited
///         leg goes back to its payer. A leg never settles alone.
/// @dev Clone-compatible: state set in `initialize`. The sanctions list is optional (zero = off).
contract PaymentVersusPaymentEscrow is Initializable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Open,
        Settled,
        Refunded
    }

    struct Trade {
        address partyA;
        address tokenA;
        uint256 amountA;
        address partyB;
        address tokenB;
        uint256 amountB;
        uint64 deadline;
        bool fundedA;
        bool fundedB;
        Status status;
    }

    /// @notice Sanctions list screened when a trade is created and settled (zero: none).
    ISanctionsList public sanctionsList;

    /// @notice Trades by id.
    mapping(bytes32 tradeId => Trade) public trades;

    /// @notice Number of trades created (used in trade ids).
    uint256 public tradeCount;

    event TradeCreated(
        bytes32 indexed tradeId,
        address indexed partyA,
        address indexed partyB,
        address tokenA,
        uint256 amountA,
        address tokenB,
        uint256 amountB,
        uint64 deadline
    );
    event LegFunded(bytes32 indexed tradeId, address indexed payer);
    event TradeSettled(bytes32 indexed tradeId);
    event TradeRefunded(bytes32 indexed tradeId, bool refundedA, bool refundedB);

    error InvalidTrade();
    error UnknownTrade(bytes32 tradeId);
    error TradeNotOpen(bytes32 tradeId, Status status);
    error NotAParty(bytes32 tradeId, address caller);
    error AlreadyFunded(bytes32 tradeId, address payer);
    error DeadlinePassed(bytes32 tradeId, uint64 deadline);
    error DeadlineNotReached(bytes32 tradeId, uint64 deadline);
    error SanctionedParty(address account);

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the sanctions list (zero address: no screening).
    function initialize(address sanctionsList_) external initializer {
        sanctionsList = ISanctionsList(sanctionsList_);
    }

    /// @notice Opens a trade between the caller's counterparty pair. Anyone may create it;
    ///         only the parties fund it.
    function createTrade(
        address partyA,
        address tokenA,
        uint256 amountA,
        address partyB,
        address tokenB,
        uint256 amountB,
        uint64 deadline
    ) external returns (bytes32 tradeId) {
        if (
            partyA == address(0) || partyB == address(0) || partyA == partyB || tokenA == address(0)
                || tokenB == address(0) || amountA == 0 || amountB == 0 || deadline <= block.timestamp
        ) revert InvalidTrade();
        _screen(partyA);
        _screen(partyB);
        tradeId = keccak256(abi.encode(block.chainid, address(this), ++tradeCount));
        trades[tradeId] = Trade({
            partyA: partyA,
            tokenA: tokenA,
            amountA: amountA,
            partyB: partyB,
            tokenB: tokenB,
            amountB: amountB,
            deadline: deadline,
            fundedA: false,
            fundedB: false,
            status: Status.Open
        });
        emit TradeCreated(tradeId, partyA, partyB, tokenA, amountA, tokenB, amountB, deadline);
    }

    /// @notice Deposits the caller's leg (approve the token first). The second deposit settles
    ///         both legs atomically.
    function fund(bytes32 tradeId) external nonReentrant {
        Trade storage t = _open(tradeId);
        if (block.timestamp >= t.deadline) revert DeadlinePassed(tradeId, t.deadline);
        if (msg.sender == t.partyA) {
            if (t.fundedA) revert AlreadyFunded(tradeId, msg.sender);
            t.fundedA = true;
            IERC20(t.tokenA).safeTransferFrom(msg.sender, address(this), t.amountA);
        } else if (msg.sender == t.partyB) {
            if (t.fundedB) revert AlreadyFunded(tradeId, msg.sender);
            t.fundedB = true;
            IERC20(t.tokenB).safeTransferFrom(msg.sender, address(this), t.amountB);
        } else {
            revert NotAParty(tradeId, msg.sender);
        }
        emit LegFunded(tradeId, msg.sender);
        if (t.fundedA && t.fundedB) {
            _screen(t.partyA);
            _screen(t.partyB);
            t.status = Status.Settled;
            IERC20(t.tokenA).safeTransfer(t.partyB, t.amountA);
            IERC20(t.tokenB).safeTransfer(t.partyA, t.amountB);
            emit TradeSettled(tradeId);
        }
    }

    /// @notice After the deadline, returns every deposited leg of an unsettled trade to its payer.
    ///         Anyone may call it.
    function refund(bytes32 tradeId) external nonReentrant {
        Trade storage t = _open(tradeId);
        if (block.timestamp < t.deadline) revert DeadlineNotReached(tradeId, t.deadline);
        t.status = Status.Refunded;
        bool refundA = t.fundedA;
        bool refundB = t.fundedB;
        if (refundA) IERC20(t.tokenA).safeTransfer(t.partyA, t.amountA);
        if (refundB) IERC20(t.tokenB).safeTransfer(t.partyB, t.amountB);
        emit TradeRefunded(tradeId, refundA, refundB);
    }

    function _open(bytes32 tradeId) private view returns (Trade storage t) {
        t = trades[tradeId];
        if (t.status == Status.None) revert UnknownTrade(tradeId);
        if (t.status != Status.Open) revert TradeNotOpen(tradeId, t.status);
    }

    function _screen(address account) private view {
        ISanctionsList list = sanctionsList;
        if (address(list) != address(0) && list.isSanctioned(account)) revert SanctionedParty(account);
    }
}
