// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BatchAttestationLib} from "./BatchAttestationLib.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title StakingRegistry
/// @notice Validators bond ERA for a risk domain. Stake leaves through an unbonding delay, stays
///         slashable while unbonding, and a validator that signs two different batch roots for the
///         same domain and batch nonce loses all of it and its seat (`reportEquivocation`).
/// @dev Clone-compatible: no constructor arguments, state set in `initialize`.
contract StakingRegistry is AccessControl, Initializable {
    using SafeERC20 for IERC20;

    /// @notice Role allowed to slash by decision (governance, fraud proofs handled elsewhere).
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");
    /// @notice Share of an equivocator's stake paid to the reporter, in basis points.
    uint256 public constant REPORTER_REWARD_BPS = 1_000;
    /// @notice Seats per domain; bounds the loops of `countQualified` and `validatorsOf`.
    uint256 public constant MAX_SEATS = 2_000;

    struct Seat {
        uint128 stake;
        uint128 unbonding;
        uint64 releaseAt;
        uint32 index; // 1-based position in the domain's validator list; 0 = no seat
        bool tombstoned;
    }

    IERC20 public era;
    uint64 public unbondingDelay;
    address public treasury;
    mapping(bytes32 domainId => mapping(address validator => Seat)) private _seats;
    mapping(bytes32 domainId => address[]) private _validators;

    event ValidatorRegistered(bytes32 indexed domainId, address indexed validator);
    event SeatPruned(bytes32 indexed domainId, address indexed validator);
    event StakeBonded(bytes32 indexed domainId, address indexed validator, address indexed from, uint256 amount);
    event UnbondRequested(bytes32 indexed domainId, address indexed validator, uint256 amount, uint64 releaseAt);
    event UnbondedWithdrawn(bytes32 indexed domainId, address indexed validator, uint256 amount);
    event Slashed(bytes32 indexed domainId, address indexed validator, uint256 amount, bool seatRemoved);
    event EquivocationReported(
        bytes32 indexed domainId,
        address indexed validator,
        uint256 batchNonce,
        bytes32 firstRoot,
        bytes32 secondRoot,
        address reporter,
        uint256 slashed
    );

    error AlreadyRegistered(address validator);
    error Tombstoned(address validator);
    error NotRegistered(address validator);
    error ZeroAmount();
    error LengthMismatch();
    error InsufficientStake(uint256 stake, uint256 amount);
    error StillUnbonding(uint64 releaseAt);
    error SameRoot();
    error InvalidSignature(uint256 which);
    error DifferentSigners(address first, address second);
    error NothingToSlash(address validator);
    error StakeTooLarge();
    error TooManySeats(uint256 max);
    error SeatHasStake(address validator, uint256 stake);

    constructor() {
        _disableInitializers();
    }

    /// @param admin Receives DEFAULT_ADMIN_ROLE and SLASHER_ROLE.
    /// @param token The ERA token validators bond.
    /// @param delay Seconds between an unbond request and the withdrawal.
    /// @param treasury_ Receives slashed stake (minus the reporter's reward).
    function initialize(address admin, IERC20 token, uint64 delay, address treasury_) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(SLASHER_ROLE, admin);
        era = token;
        unbondingDelay = delay;
        treasury = treasury_;
    }

    /// @notice Takes a validator seat in `domainId` for the caller (its attestation key).
    function registerValidator(bytes32 domainId) external {
        Seat storage seat = _seats[domainId][msg.sender];
        if (seat.tombstoned) revert Tombstoned(msg.sender);
        if (seat.index != 0) revert AlreadyRegistered(msg.sender);
        if (_validators[domainId].length >= MAX_SEATS) revert TooManySeats(MAX_SEATS);
        _validators[domainId].push(msg.sender);
        seat.index = uint32(_validators[domainId].length);
        emit ValidatorRegistered(domainId, msg.sender);
    }

    /// @notice Bonds `amount` ERA from the caller to `validator`'s seat in `domainId`.
    function bondStake(bytes32 domainId, address validator, uint256 amount) external {
        _credit(domainId, validator, amount);
        era.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Bonds `amounts[i]` ERA from the caller to each `validators[i]` in one transaction.
    function bondStakeBatch(bytes32 domainId, address[] calldata validators, uint256[] calldata amounts) external {
        if (validators.length != amounts.length) revert LengthMismatch();
        uint256 total;
        for (uint256 i; i < validators.length; ++i) {
            _credit(domainId, validators[i], amounts[i]);
            total += amounts[i];
        }
        era.safeTransferFrom(msg.sender, address(this), total);
    }

    /// @notice Frees the seat of a validator with nothing bonded (anyone may call it), so empty
    ///         registrations cannot crowd a domain's seats.
    function pruneSeat(bytes32 domainId, address validator) external {
        Seat storage seat = _seats[domainId][validator];
        if (seat.index == 0) revert NotRegistered(validator);
        if (seat.stake != 0) revert SeatHasStake(validator, seat.stake);
        _removeSeat(domainId, validator);
        emit SeatPruned(domainId, validator);
    }

    /// @notice Starts unbonding `amount` of the caller's stake; it can be withdrawn after the delay.
    function requestUnbond(bytes32 domainId, uint256 amount) external {
        Seat storage seat = _seats[domainId][msg.sender];
        if (amount == 0) revert ZeroAmount();
        if (seat.stake < amount) revert InsufficientStake(seat.stake, amount);
        seat.stake -= uint128(amount);
        seat.unbonding += uint128(amount);
        seat.releaseAt = uint64(block.timestamp) + unbondingDelay;
        emit UnbondRequested(domainId, msg.sender, amount, seat.releaseAt);
    }

    /// @notice Withdraws the caller's unbonded stake once the delay has passed.
    function withdrawUnbonded(bytes32 domainId) external {
        Seat storage seat = _seats[domainId][msg.sender];
        uint256 amount = seat.unbonding;
        if (amount == 0) revert ZeroAmount();
        if (block.timestamp < seat.releaseAt) revert StillUnbonding(seat.releaseAt);
        seat.unbonding = 0;
        era.safeTransfer(msg.sender, amount);
        emit UnbondedWithdrawn(domainId, msg.sender, amount);
    }

    /// @notice Slashes up to `amount` of `validator`'s bonded, then unbonding, stake to the treasury.
    function slash(bytes32 domainId, address validator, uint256 amount) external onlyRole(SLASHER_ROLE) {
        Seat storage seat = _seats[domainId][validator];
        uint256 fromStake = amount < seat.stake ? amount : seat.stake;
        uint256 rest = amount - fromStake;
        uint256 fromUnbonding = rest < seat.unbonding ? rest : seat.unbonding;
        if (fromStake + fromUnbonding == 0) revert NothingToSlash(validator);
        seat.stake -= uint128(fromStake);
        seat.unbonding -= uint128(fromUnbonding);
        era.safeTransfer(treasury, fromStake + fromUnbonding);
        emit Slashed(domainId, validator, fromStake + fromUnbonding, false);
    }

    /// @notice Proves that one validator attested two different roots for batch `batchNonce` of
    ///         `domainId`: its whole stake is slashed (10 % to the caller), its seat removed for good.
    function reportEquivocation(
        bytes32 domainId,
        uint256 batchNonce,
        bytes32 firstRoot,
        bytes calldata firstSignature,
        bytes32 secondRoot,
        bytes calldata secondSignature
    ) external returns (address validator, uint256 slashed) {
        if (firstRoot == secondRoot) revert SameRoot();
        address first =
            BatchAttestationLib.recover(BatchAttestationLib.digest(domainId, batchNonce, firstRoot), firstSignature);
        if (first == address(0)) revert InvalidSignature(0);
        address second =
            BatchAttestationLib.recover(BatchAttestationLib.digest(domainId, batchNonce, secondRoot), secondSignature);
        if (second == address(0)) revert InvalidSignature(1);
        if (first != second) revert DifferentSigners(first, second);
        validator = first;
        Seat storage seat = _seats[domainId][validator];
        if (seat.index == 0 && seat.stake == 0 && seat.unbonding == 0) revert NothingToSlash(validator);
        slashed = uint256(seat.stake) + seat.unbonding;
        seat.stake = 0;
        seat.unbonding = 0;
        seat.tombstoned = true;
        _removeSeat(domainId, validator);
        uint256 reward = (slashed * REPORTER_REWARD_BPS) / 10_000;
        if (reward > 0) era.safeTransfer(msg.sender, reward);
        if (slashed > reward) era.safeTransfer(treasury, slashed - reward);
        emit Slashed(domainId, validator, slashed, true);
        emit EquivocationReported(domainId, validator, batchNonce, firstRoot, secondRoot, msg.sender, slashed);
    }

    /// @notice `validator`'s seat in `domainId`.
    function seatOf(bytes32 domainId, address validator)
        external
        view
        returns (uint256 stake, uint256 unbonding, uint64 releaseAt, bool registered, bool tombstoned)
    {
        Seat memory s = _seats[domainId][validator];
        return (s.stake, s.unbonding, s.releaseAt, s.index != 0, s.tombstoned);
    }

    /// @notice Number of validators holding a seat in `domainId`.
    function validatorCount(bytes32 domainId) external view returns (uint256) {
        return _validators[domainId].length;
    }

    /// @notice Every validator of `domainId` with its bonded stake.
    function validatorsOf(bytes32 domainId) external view returns (address[] memory validators, uint256[] memory stakes) {
        validators = _validators[domainId];
        stakes = new uint256[](validators.length);
        for (uint256 i; i < validators.length; ++i) {
            stakes[i] = _seats[domainId][validators[i]].stake;
        }
    }

    /// @notice Number of `domainId`'s validators with at least `minStake` bonded.
    function countQualified(bytes32 domainId, uint256 minStake) external view returns (uint256 qualified) {
        address[] storage list = _validators[domainId];
        for (uint256 i; i < list.length; ++i) {
            if (_seats[domainId][list[i]].stake >= minStake) ++qualified;
        }
    }

    function _credit(bytes32 domainId, address validator, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        Seat storage seat = _seats[domainId][validator];
        if (seat.index == 0) revert NotRegistered(validator);
        if (amount > type(uint128).max - seat.stake) revert StakeTooLarge();
        seat.stake += uint128(amount);
        emit StakeBonded(domainId, validator, msg.sender, amount);
    }

    function _removeSeat(bytes32 domainId, address validator) private {
        Seat storage seat = _seats[domainId][validator];
        uint256 index = seat.index;
        if (index == 0) return;
        address[] storage list = _validators[domainId];
        address last = list[list.length - 1];
        list[index - 1] = last;
        _seats[domainId][last].index = uint32(index);
        list.pop();
        seat.index = 0;
    }
}
