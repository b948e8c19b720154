// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IBatchVerifier, CrossDomainMessage} from "../interfaces/IBatchVerifier.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Channel
/// @notice A risk domain's endpoint for cross-domain value transfers: one lane per peer domain.
///         `send` locks ERC-20 value and emits `MessageSent`; `receiveBatch` releases value once
///         per (source domain, nonce) after the source domain's `IBatchVerifier` accepts the batch.
/// @dev On-chain guard (circuit breaker): a transfer above the lane's single-transfer limit, its
///      rolling-window limit or its rate (token bucket) is held in escrow in the same transaction
///      (`TransferHeld`), the lane trips itself (paused both ways) and the domain isolates itself
///      (every lane paused until governance lifts it). BREAKER_ROLE isolates a
///      domain or pauses a lane; GOVERNANCE_ROLE configures lanes, unpauses them and releases or
///      refunds held transfers. Clone-compatible: no constructor arguments, state set in `initialize`.
contract Channel is AccessControl, Initializable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice May isolate a domain and pause lanes (the watcher).
    bytes32 public constant BREAKER_ROLE = keccak256("BREAKER_ROLE");
    /// @notice May configure and unpause lanes and release or refund held transfers.
    bytes32 public constant GOVERNANCE_ROLE = keccak256("GOVERNANCE_ROLE");

    /// @notice Why the guard held a transfer.
    uint8 public constant REASON_SINGLE_TRANSFER = 1;
    uint8 public constant REASON_ROLLING_WINDOW = 2;
    uint8 public constant REASON_RATE = 3;

    /// @notice Limits of a lane, in token base units.
    struct LaneConfig {
        /// @dev Verifies batches arriving from the peer domain.
        IBatchVerifier verifier;
        /// @dev A single transfer above this is held.
        uint128 maxTransfer;
        /// @dev Value that may leave per rolling window (sliding two-window estimate).
        uint128 windowLimit;
        uint64 windowSeconds;
        /// @dev Token bucket: burst capacity and refill per second.
        uint128 bucketCapacity;
        uint128 refillPerSecond;
    }

    struct Lane {
        bool exists;
        bool paused;
        uint64 windowStart;
        uint64 bucketUpdated;
        uint128 currentWindow;
        uint128 previousWindow;
        uint128 bucketTokens;
        uint256 outNonce;
        LaneConfig config;
    }

    /// @notice Status of a held transfer.
    enum HeldStatus {
        None,
        Held,
        Released,
        Refunded
    }

    struct HeldTransfer {
        bytes32 destinationDomain;
        address sender;
        address recipient;
        uint256 amount;
        HeldStatus status;
        uint8 reason;
    }

    /// @notice This channel's domain id (`keccak256(name)`).
    bytes32 public domainId;
    /// @notice The ERC-20 token the channel moves.
    IERC20 public token;
    /// @notice Whether this domain isolated itself (every lane paused).
    bool public isolated;

    /// @notice Value locked by `send` (including transfers then held).
    uint256 public totalLocked;
    /// @notice Value released to recipients of delivered messages.
    uint256 public totalReleased;
    /// @notice Value currently held in escrow.
    uint256 public totalHeld;
    /// @notice Value refunded to senders of held transfers.
    uint256 public totalRefunded;
    /// @notice Number of held transfers so far (ids are 1..heldCount).
    uint256 public heldCount;

    bytes32[] private _peers;
    mapping(bytes32 peer => Lane) private _lanes;
    mapping(bytes32 sourceDomain => mapping(uint256 nonce => bool)) private _executed;
    mapping(uint256 heldId => HeldTransfer) private _held;

    event LaneConfigured(bytes32 indexed peer, LaneConfig config);
    event MessageSent(
        bytes32 indexed destinationDomain, uint256 indexed nonce, address indexed sender, address recipient, uint256 amount
    );
    event MessageDelivered(bytes32 indexed sourceDomain, uint256 indexed nonce, address indexed recipient, uint256 amount);
    event TransferHeld(
        uint256 indexed heldId,
        bytes32 indexed destinationDomain,
        address indexed sender,
        address recipient,
        uint256 amount,
        uint8 reason
    );
    event LaneTripped(bytes32 indexed peer, uint8 reason);
    event LanePaused(bytes32 indexed peer, address by);
    event LaneUnpaused(bytes32 indexed peer, address by);
    event DomainIsolated(bytes32 indexed domain, address by);
    event IsolationLifted(address by);
    event HeldReleased(uint256 indexed heldId, uint256 nonce);
    event HeldRefunded(uint256 indexed heldId, address sender, uint256 amount);

    error UnknownLane(bytes32 peer);
    error LaneIsPaused(bytes32 peer);
    error ZeroAmount();
    error ZeroAddress();
    error InvalidLaneConfig();
    error EmptyBatch();
    error WrongDestination(uint256 index, bytes32 destinationDomain);
    error MixedSources(uint256 index, bytes32 sourceDomain);
    error AlreadyExecuted(bytes32 sourceDomain, uint256 nonce);
    error BatchRejected(bytes32 sourceDomain, uint256 batchNonce);
    error NotHeld(uint256 heldId);

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets the domain and token and grants `admin` the admin, governance and breaker roles.
    function initialize(bytes32 domainId_, IERC20 token_, address admin) external initializer {
        if (address(token_) == address(0) || admin == address(0)) revert ZeroAddress();
        domainId = domainId_;
        token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNANCE_ROLE, admin);
        _grantRole(BREAKER_ROLE, admin);
    }

    // ------------------------------------------------------------------ lanes

    /// @notice Creates or reconfigures the lane to `peer`; resets its window and fills its bucket.
    function configureLane(bytes32 peer, LaneConfig calldata config) external onlyRole(GOVERNANCE_ROLE) {
        if (
            peer == domainId || address(config.verifier) == address(0) || config.windowSeconds == 0
                || config.maxTransfer == 0 || config.windowLimit == 0 || config.bucketCapacity == 0
        ) revert InvalidLaneConfig();
        Lane storage entry = _lanes[peer];
        if (!entry.exists) {
            entry.exists = true;
            _peers.push(peer);
        }
        entry.config = config;
        entry.windowStart = uint64(block.timestamp);
        entry.currentWindow = 0;
        entry.previousWindow = 0;
        entry.bucketTokens = config.bucketCapacity;
        entry.bucketUpdated = uint64(block.timestamp);
        emit LaneConfigured(peer, config);
    }

    /// @notice Peer domains with a lane.
    function peers() external view returns (bytes32[] memory) {
        return _peers;
    }

    /// @notice The lane to `peer`: whether it exists and is paused, its next outgoing nonce - 1, and its limits.
    function lane(bytes32 peer)
        external
        view
        returns (bool exists, bool paused, uint256 outNonce, LaneConfig memory config)
    {
        Lane storage laneState = _lanes[peer];
        return (laneState.exists, laneState.paused || isolated, laneState.outNonce, laneState.config);
    }

    /// @notice Value counted in the lane's rolling window now, and the tokens in its bucket now.
    function laneUsage(bytes32 peer) external view returns (uint256 windowUsed, uint256 bucketTokens) {
        Lane storage laneState = _lanes[peer];
        if (!laneState.exists) revert UnknownLane(peer);
        (uint128 current, uint128 previous, uint64 start) = _rolled(laneState);
        windowUsed = _windowUsed(laneState, current, previous, start);
        bucketTokens = _refilled(laneState);
    }

    /// @notice Whether message `nonce` from `sourceDomain` has been delivered here.
    function executed(bytes32 sourceDomain, uint256 nonce) external view returns (bool) {
        return _executed[sourceDomain][nonce];
    }

    /// @notice A held transfer.
    function heldTransfer(uint256 heldId) external view returns (HeldTransfer memory) {
        return _held[heldId];
    }

    // ------------------------------------------------------------------ send / receive

    /// @notice Locks `amount` tokens of the caller and sends them to `recipient` on `destinationDomain`.
    ///         A transfer the guard rejects is held in escrow here and the lane trips.
    /// @return held Whether the transfer was held; `id` is its nonce when sent, its held id when held.
    function send(bytes32 destinationDomain, address recipient, uint256 amount)
        external
        nonReentrant
        returns (bool held, uint256 id)
    {
        if (amount == 0) revert ZeroAmount();
        if (recipient == address(0)) revert ZeroAddress();
        Lane storage laneState = _lanes[destinationDomain];
        if (!laneState.exists) revert UnknownLane(destinationDomain);
        if (laneState.paused || isolated) revert LaneIsPaused(destinationDomain);

        token.safeTransferFrom(msg.sender, address(this), amount);
        totalLocked += amount;

        (uint128 current, uint128 previous, uint64 start) = _rolled(laneState);
        uint256 tokens = _refilled(laneState);
        uint8 reason;
        if (amount > laneState.config.maxTransfer) {
            reason = REASON_SINGLE_TRANSFER;
        } else if (_windowUsed(laneState, current, previous, start) + amount > laneState.config.windowLimit) {
            reason = REASON_ROLLING_WINDOW;
        } else if (amount > tokens) {
            reason = REASON_RATE;
        }

        if (reason != 0) {
            id = ++heldCount;
            _held[id] = HeldTransfer(destinationDomain, msg.sender, recipient, amount, HeldStatus.Held, reason);
            totalHeld += amount;
            laneState.paused = true;
            emit TransferHeld(id, destinationDomain, msg.sender, recipient, amount, reason);
            emit LaneTripped(destinationDomain, reason);
            // The anomaly isolates its whole domain at once, so no other lane can carry value out
            // before the watcher has cut the domain off on the peer chains.
            if (!isolated) {
                isolated = true;
                emit DomainIsolated(domainId, address(this));
            }
            return (true, id);
        }

        laneState.currentWindow = current + uint128(amount);
        laneState.previousWindow = previous;
        laneState.windowStart = start;
        laneState.bucketTokens = uint128(tokens - amount);
        laneState.bucketUpdated = uint64(block.timestamp);
        id = ++laneState.outNonce;
        emit MessageSent(destinationDomain, id, msg.sender, recipient, amount);
        return (false, id);
    }

    /// @notice Delivers a verified batch of messages from one source domain; each (source, nonce) once.
    function receiveBatch(CrossDomainMessage[] calldata messages, uint256 batchNonce, bytes calldata proof)
        external
        nonReentrant
    {
        if (messages.length == 0) revert EmptyBatch();
        bytes32 source = messages[0].sourceDomain;
        Lane storage laneState = _lanes[source];
        if (!laneState.exists) revert UnknownLane(source);
        if (laneState.paused || isolated) revert LaneIsPaused(source);
        for (uint256 i; i < messages.length; ++i) {
            CrossDomainMessage calldata m = messages[i];
            if (m.sourceDomain != source) revert MixedSources(i, m.sourceDomain);
            if (m.destinationDomain != domainId) revert WrongDestination(i, m.destinationDomain);
            if (_executed[source][m.nonce]) revert AlreadyExecuted(source, m.nonce);
            _executed[source][m.nonce] = true;
        }
        if (!laneState.config.verifier.verifyBatch(source, batchNonce, messages, proof)) {
            revert BatchRejected(source, batchNonce);
        }
        for (uint256 i; i < messages.length; ++i) {
            CrossDomainMessage calldata m = messages[i];
            totalReleased += m.amount;
            token.safeTransfer(m.recipient, m.amount);
            emit MessageDelivered(source, m.nonce, m.recipient, m.amount);
        }
    }

    // ------------------------------------------------------------------ breaker

    /// @notice Cuts `domain` off: this domain isolates itself (every lane) when `domain` is its own
    ///         id, otherwise the lane to and from `domain` is paused.
    function isolate(bytes32 domain) external onlyRole(BREAKER_ROLE) {
        if (domain == domainId) {
            if (!isolated) {
                isolated = true;
                emit DomainIsolated(domain, msg.sender);
            }
            return;
        }
        Lane storage laneState = _lanes[domain];
        if (!laneState.exists) revert UnknownLane(domain);
        if (!laneState.paused) {
            laneState.paused = true;
            emit DomainIsolated(domain, msg.sender);
        }
    }

    /// @notice Pauses the lane to and from `peer`.
    function pauseLane(bytes32 peer) external onlyRole(BREAKER_ROLE) {
        Lane storage laneState = _lanes[peer];
        if (!laneState.exists) revert UnknownLane(peer);
        if (!laneState.paused) {
            laneState.paused = true;
            emit LanePaused(peer, msg.sender);
        }
    }

    /// @notice Reopens the lane to `peer` after review (an explicit reset).
    function unpauseLane(bytes32 peer) external onlyRole(GOVERNANCE_ROLE) {
        Lane storage laneState = _lanes[peer];
        if (!laneState.exists) revert UnknownLane(peer);
        laneState.paused = false;
        emit LaneUnpaused(peer, msg.sender);
    }

    /// @notice Lifts this domain's self-isolation (lanes paused one by one stay paused).
    function liftIsolation() external onlyRole(GOVERNANCE_ROLE) {
        isolated = false;
        emit IsolationLifted(msg.sender);
    }

    /// @notice Lets a held transfer continue to its destination (a new outgoing message).
    function release(uint256 heldId) external onlyRole(GOVERNANCE_ROLE) returns (uint256 nonce) {
        HeldTransfer storage h = _held[heldId];
        if (h.status != HeldStatus.Held) revert NotHeld(heldId);
        h.status = HeldStatus.Released;
        totalHeld -= h.amount;
        nonce = ++_lanes[h.destinationDomain].outNonce;
        emit HeldReleased(heldId, nonce);
        emit MessageSent(h.destinationDomain, nonce, h.sender, h.recipient, h.amount);
    }

    /// @notice Returns a held transfer to its sender.
    function refund(uint256 heldId) external onlyRole(GOVERNANCE_ROLE) nonReentrant {
        HeldTransfer storage h = _held[heldId];
        if (h.status != HeldStatus.Held) revert NotHeld(heldId);
        h.status = HeldStatus.Refunded;
        totalHeld -= h.amount;
        totalRefunded += h.amount;
        token.safeTransfer(h.sender, h.amount);
        emit HeldRefunded(heldId, h.sender, h.amount);
    }

    // ------------------------------------------------------------------ internals

    function _rolled(Lane storage laneState) private view returns (uint128 current, uint128 previous, uint64 start) {
        uint64 w = laneState.config.windowSeconds;
        start = laneState.windowStart;
        current = laneState.currentWindow;
        previous = laneState.previousWindow;
        uint256 elapsed = (block.timestamp - start) / w;
        if (elapsed == 1) {
            previous = current;
            current = 0;
            start += w;
        } else if (elapsed > 1) {
            previous = 0;
            current = 0;
            start += uint64(elapsed * w);
        }
    }

    function _windowUsed(Lane storage laneState, uint128 current, uint128 previous, uint64 start)
        private
        view
        returns (uint256)
    {
        uint256 w = laneState.config.windowSeconds;
        uint256 into = block.timestamp - start;
        // Round the previous window's share up so the estimate never under-counts.
        uint256 carried = (uint256(previous) * (w - into) + w - 1) / w;
        return uint256(current) + carried;
    }

    function _refilled(Lane storage laneState) private view returns (uint256) {
        uint256 tokens = uint256(laneState.bucketTokens)
            + (block.timestamp - laneState.bucketUpdated) * laneState.config.refillPerSecond;
        return tokens > laneState.config.bucketCapacity ? laneState.config.bucketCapacity : tokens;
    }
}
