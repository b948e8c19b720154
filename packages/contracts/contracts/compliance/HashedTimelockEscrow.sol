// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title HashedTimelockEscrow
/// @notice Hashed timelock contract (HTLC) for ERC-20 tokens, the building block of cross-chain
///         atomic swaps: the receiver withdraws with the SHA-256 preimage before the timelock; after
///         it the sender gets a refund. Each lock pays out exactly once, one way or the other.
/// @dev No constructor arguments and no per-deployment state: clone-compatible as is.
contract HashedTimelockEscrow is ReentrancyGuard {
    using SafeERC20 for IERC20;

    struct Lock {
        address sender;
        address receiver;
        address token;
        uint256 amount;
        bytes32 hashlock;
        uint64 timelock;
        bool withdrawn;
        bool refunded;
        bytes32 preimage;
    }

    /// @notice Locks by id.
    mapping(bytes32 lockId => Lock) public locks;

    event LockCreated(
        bytes32 indexed lockId,
        address indexed sender,
        address indexed receiver,
        address token,
        uint256 amount,
        bytes32 hashlock,
        uint64 timelock
    );
    event LockWithdrawn(bytes32 indexed lockId, bytes32 preimage);
    event LockRefunded(bytes32 indexed lockId);

    error InvalidLock();
    error LockExists(bytes32 lockId);
    error UnknownLock(bytes32 lockId);
    error LockClosed(bytes32 lockId);
    error WrongPreimage(bytes32 lockId);
    error NotReceiver(bytes32 lockId, address caller);
    error TimelockPassed(bytes32 lockId, uint64 timelock);
    error TimelockNotReached(bytes32 lockId, uint64 timelock);

    /// @notice Locks `amount` of `token` (approve first) for `receiver` under `hashlock`
    ///         (sha256 of the secret) until `timelock` (unix seconds).
    function lock(address receiver, address token, uint256 amount, bytes32 hashlock, uint64 timelock)
        external
        nonReentrant
        returns (bytes32 lockId)
    {
        if (receiver == address(0) || token == address(0) || amount == 0 || timelock <= block.timestamp) {
            revert InvalidLock();
        }
        lockId = keccak256(abi.encode(msg.sender, receiver, token, amount, hashlock, timelock));
        if (locks[lockId].sender != address(0)) revert LockExists(lockId);
        locks[lockId] = Lock({
            sender: msg.sender,
            receiver: receiver,
            token: token,
            amount: amount,
            hashlock: hashlock,
            timelock: timelock,
            withdrawn: false,
            refunded: false,
            preimage: bytes32(0)
        });
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        emit LockCreated(lockId, msg.sender, receiver, token, amount, hashlock, timelock);
    }

    /// @notice The receiver claims the tokens by revealing the preimage before the timelock.
    function withdraw(bytes32 lockId, bytes32 preimage) external nonReentrant {
        Lock storage entry = _open(lockId);
        if (msg.sender != entry.receiver) revert NotReceiver(lockId, msg.sender);
        if (block.timestamp >= entry.timelock) revert TimelockPassed(lockId, entry.timelock);
        if (sha256(abi.encodePacked(preimage)) != entry.hashlock) revert WrongPreimage(lockId);
        entry.withdrawn = true;
        entry.preimage = preimage;
        IERC20(entry.token).safeTransfer(entry.receiver, entry.amount);
        emit LockWithdrawn(lockId, preimage);
    }

    /// @notice After the timelock, returns the tokens of an unclaimed lock to the sender. Anyone may call it.
    function refund(bytes32 lockId) external nonReentrant {
        Lock storage entry = _open(lockId);
        if (block.timestamp < entry.timelock) revert TimelockNotReached(lockId, entry.timelock);
        entry.refunded = true;
        IERC20(entry.token).safeTransfer(entry.sender, entry.amount);
        emit LockRefunded(lockId);
    }

    function _open(bytes32 lockId) private view returns (Lock storage entry) {
        entry = locks[lockId];
        if (entry.sender == address(0)) revert UnknownLock(lockId);
        if (entry.withdrawn || entry.refunded) revert LockClosed(lockId);
    }
}
