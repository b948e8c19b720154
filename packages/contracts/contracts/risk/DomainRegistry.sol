// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {StakingRegistry} from "./StakingRegistry.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @title DomainRegistry
/// @notice Risk domains with their tier, security profile and status. A domain activates only
///         when at least `minValidators` of its validators each bond at least `minStakePerValidator`.
/// @dev Clone-compatible: no constructor arguments, state set in `initialize`.
contract DomainRegistry is AccessControl, Initializable {
    /// @notice Role allowed to register domains.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @notice Role allowed to isolate and restore domains (the circuit breaker).
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    /// @notice `zkProofAboveUsd` value meaning "not applicable".
    uint256 public constant NO_ZK_THRESHOLD = type(uint256).max;

    enum Status {
        Unregistered,
        Pending,
        Active,
        Isolated,
        Retired
    }

    /// @dev Tier codes: financial 0, enterprise 1, light 2. Proof systems: zk 0, hybrid 1, simplified 2.
    struct Profile {
        uint8 tier;
        uint8 proofSystem;
        uint32 minValidators;
        uint256 minStakePerValidator;
        uint16 attestationQuorumBps;
        uint32 challengeWindowSeconds;
        uint256 zkProofAboveUsd;
    }

    struct Domain {
        Profile profile;
        Status status;
        uint64 activatedAt;
        string name;
    }

    StakingRegistry public staking;
    mapping(bytes32 domainId => Domain) private _domains;
    bytes32[] private _domainIds;

    event DomainRegistered(bytes32 indexed domainId, string name, uint8 tier);
    event DomainStatusChanged(bytes32 indexed domainId, Status status);

    error DomainExists(bytes32 domainId);
    error UnknownDomain(bytes32 domainId);
    error InvalidProfile(string field);
    error InvalidStatus(bytes32 domainId, Status status);
    error ProfileNotMet(bytes32 domainId, uint256 qualifiedValidators, uint256 minValidators, uint256 minStake);

    constructor() {
        _disableInitializers();
    }

    /// @param admin Receives DEFAULT_ADMIN_ROLE, REGISTRAR_ROLE and GUARDIAN_ROLE.
    /// @param stakingRegistry Where the domains' validators bond.
    function initialize(address admin, StakingRegistry stakingRegistry) external initializer {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
        _grantRole(GUARDIAN_ROLE, admin);
        staking = stakingRegistry;
    }

    /// @notice Registers domain `name` (id = keccak256(name)) as Pending with `profile`.
    function registerDomain(string calldata name, Profile calldata profile)
        external
        onlyRole(REGISTRAR_ROLE)
        returns (bytes32 domainId)
    {
        domainId = keccak256(bytes(name));
        if (_domains[domainId].status != Status.Unregistered) revert DomainExists(domainId);
        if (profile.tier > 2) revert InvalidProfile("tier");
        if (profile.proofSystem > 2) revert InvalidProfile("proofSystem");
        if (profile.minValidators == 0) revert InvalidProfile("minValidators");
        if (profile.attestationQuorumBps == 0 || profile.attestationQuorumBps > 10_000) {
            revert InvalidProfile("attestationQuorumBps");
        }
        Domain storage d = _domains[domainId];
        d.profile = profile;
        d.status = Status.Pending;
        d.name = name;
        _domainIds.push(domainId);
        emit DomainRegistered(domainId, name, profile.tier);
        emit DomainStatusChanged(domainId, Status.Pending);
    }

    /// @notice Activates a Pending domain; reverts with ProfileNotMet unless enough validators
    ///         each bond enough ERA. Anyone may call it.
    function activate(bytes32 domainId) external {
        Domain storage d = _domains[domainId];
        if (d.status != Status.Pending) revert InvalidStatus(domainId, d.status);
        _requireProfileMet(domainId, d.profile);
        d.status = Status.Active;
        d.activatedAt = uint64(block.timestamp);
        emit DomainStatusChanged(domainId, Status.Active);
    }

    /// @notice Isolates an Active domain (circuit breaker).
    function isolate(bytes32 domainId) external onlyRole(GUARDIAN_ROLE) {
        Domain storage d = _domains[domainId];
        if (d.status != Status.Active) revert InvalidStatus(domainId, d.status);
        d.status = Status.Isolated;
        emit DomainStatusChanged(domainId, Status.Isolated);
    }

    /// @notice Returns an Isolated domain to Active; its profile must still be met.
    function restore(bytes32 domainId) external onlyRole(GUARDIAN_ROLE) {
        Domain storage d = _domains[domainId];
        if (d.status != Status.Isolated) revert InvalidStatus(domainId, d.status);
        _requireProfileMet(domainId, d.profile);
        d.status = Status.Active;
        emit DomainStatusChanged(domainId, Status.Active);
    }

    /// @notice Retires a domain for good.
    function retire(bytes32 domainId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Domain storage d = _domains[domainId];
        if (d.status == Status.Unregistered || d.status == Status.Retired) revert InvalidStatus(domainId, d.status);
        d.status = Status.Retired;
        emit DomainStatusChanged(domainId, Status.Retired);
    }

    /// @notice The domain's profile, status, activation time and name.
    function getDomain(bytes32 domainId) external view returns (Domain memory) {
        Domain memory d = _domains[domainId];
        if (d.status == Status.Unregistered) revert UnknownDomain(domainId);
        return d;
    }

    /// @notice Ids of every registered domain.
    function domainIds() external view returns (bytes32[] memory) {
        return _domainIds;
    }

    /// @notice Validators of `domainId` that bond at least its profile's stake.
    function qualifiedValidators(bytes32 domainId) public view returns (uint256) {
        return staking.countQualified(domainId, _domains[domainId].profile.minStakePerValidator);
    }

    function _requireProfileMet(bytes32 domainId, Profile memory profile) private view {
        uint256 qualified = staking.countQualified(domainId, profile.minStakePerValidator);
        if (qualified < profile.minValidators) {
            revert ProfileNotMet(domainId, qualified, profile.minValidators, profile.minStakePerValidator);
        }
    }
}
