// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title SandboxWorkload
/// @notice The on-chain side of the sandbox's enterprise and light loads: record notarization
///         (one commitment of an encrypted record per write) and small game moves, plus a
///         batch funding call that gives many load accounts gas money in one transaction.
contract SandboxWorkload {
    /// @notice Block number at which each record id was notarized (0 when never).
    mapping(bytes32 recordId => uint256 blockNumber) public notarizedAt;
    /// @notice Commitment stored for each record id.
    mapping(bytes32 recordId => bytes32 commitment) public commitmentOf;
    /// @notice Score of each player (sum of their moves).
    mapping(address player => uint256 score) public scoreOf;
    /// @notice Moves played so far.
    uint256 public moves;

    /// @notice Emitted for each notarized record.
    event RecordNotarized(bytes32 indexed recordId, bytes32 commitment, address indexed writer);
    /// @notice Emitted for each game move.
    event MovePlayed(address indexed player, uint32 move);

    /// @notice A record id was already notarized.
    error AlreadyNotarized(bytes32 recordId);
    /// @notice The value sent does not equal recipients × amount each.
    error WrongFunding(uint256 sent, uint256 expected);
    /// @notice A funding transfer failed.
    error FundingFailed(address recipient);

    /// @notice Stores the commitment of an encrypted record; a record id is written once.
    function notarize(bytes32 recordId, bytes32 commitment) external {
        if (notarizedAt[recordId] != 0) revert AlreadyNotarized(recordId);
        notarizedAt[recordId] = block.number;
        commitmentOf[recordId] = commitment;
        emit RecordNotarized(recordId, commitment, msg.sender);
    }

    /// @notice Plays one game move: adds it to the sender's score.
    function play(uint32 move) external {
        scoreOf[msg.sender] += move;
        moves += 1;
        emit MovePlayed(msg.sender, move);
    }

    /// @notice Sends `amountEach` wei to each recipient; `msg.value` must be the exact total.
    function fund(address[] calldata recipients, uint256 amountEach) external payable {
        uint256 expected = recipients.length * amountEach;
        if (msg.value != expected) revert WrongFunding(msg.value, expected);
        for (uint256 i = 0; i < recipients.length; i++) {
            (bool ok,) = recipients[i].call{value: amountEach}("");
            if (!ok) revert FundingFailed(recipients[i]);
        }
    }
}
