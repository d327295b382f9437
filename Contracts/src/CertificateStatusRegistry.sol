// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IssuerRegistry} from "./IssuerRegistry.sol";

/// @title CertificateStatusRegistry
/// @notice The lifecycle of certificates after issuance: suspension, reinstatement, revocation and
///         supersession on renewal, each with a reason code and an effective time, with the full
///         history kept. A certificate is keyed by a salted hash of its identifier (the salt is the
///         certificate's own secret salt), so the chain reveals neither identifiers nor holders.
/// @dev The first department to record a status for a key becomes its issuer; afterwards only that
///      department or the governance registrar may change it. A verifier checks that this issuer is
///      the account that anchored the certificate. Transitions are enforced here, not only in the
///      issuing service: revoked and superseded are final; only a suspension can be reinstated.
///      Effective times cannot go backwards and may be back-dated by at most MAX_BACKDATE, so an
///      issuer cannot silently rewrite what a verifier answered yesterday.
contract CertificateStatusRegistry {
    uint8 public constant ACTIVE = 0;
    uint8 public constant SUSPENDED = 1;
    uint8 public constant REVOKED = 2;
    uint8 public constant SUPERSEDED = 3;

    /// @notice How far before the block an effective time may lie (the batching delay of the issuing service).
    uint64 public constant MAX_BACKDATE = 1 hours;

    struct Change {
        uint8 status;
        uint16 reason;
        uint64 effectiveAt;
        uint64 blockNumber;
        uint64 timestamp;
    }

    IssuerRegistry public immutable registry;
    mapping(bytes32 key => address) private _issuer;
    mapping(bytes32 key => Change[]) private _history;
    uint256 public changeCount;

    error LengthMismatch();
    error NotADepartment(address sender);
    error NotTheIssuer(bytes32 key, address issuer, address sender);
    error InvalidTransition(bytes32 key, uint8 from, uint8 to);
    error EffectiveTimeTooEarly(bytes32 key, uint64 effectiveAt);

    event StatusChanged(bytes32 indexed key, uint8 status, uint16 reason, uint64 effectiveAt, address indexed by);

    constructor(IssuerRegistry issuerRegistry) {
        registry = issuerRegistry;
    }

    /// @notice Records many changes in one transaction; any invalid change reverts them all.
    /// @param effectiveAts unix seconds; 0 means "at this block".
    function recordChanges(bytes32[] calldata keys, uint8[] calldata statuses, uint16[] calldata reasons, uint64[] calldata effectiveAts)
        external
    {
        if (keys.length != statuses.length || keys.length != reasons.length || keys.length != effectiveAts.length) revert LengthMismatch();
        bool registrar = registry.hasRole(registry.REGISTRAR_ROLE(), msg.sender);
        (,, bool active,) = registry.department(msg.sender);
        if (!registrar && !active) revert NotADepartment(msg.sender);
        for (uint256 i = 0; i < keys.length; i++) {
            _record(keys[i], statuses[i], reasons[i], effectiveAts[i], registrar);
        }
    }

    /// @notice The issuing account (zero before the first change) and every change, oldest first.
    function historyOf(bytes32 key) external view returns (address issuer, Change[] memory changes) {
        return (_issuer[key], _history[key]);
    }

    /// @notice The status in effect at the given unix time (ACTIVE when nothing was in effect yet).
    function statusAt(bytes32 key, uint64 time) external view returns (uint8) {
        Change[] storage changes = _history[key];
        for (uint256 i = changes.length; i > 0; i--) {
            if (changes[i - 1].effectiveAt <= time) return changes[i - 1].status;
        }
        return ACTIVE;
    }

    function _record(bytes32 key, uint8 to, uint16 reason, uint64 effectiveAt, bool registrar) private {
        address issuer = _issuer[key];
        if (issuer == address(0)) {
            if (registrar) revert NotTheIssuer(key, address(0), msg.sender);
            _issuer[key] = msg.sender;
        } else if (issuer != msg.sender && !registrar) {
            revert NotTheIssuer(key, issuer, msg.sender);
        }

        Change[] storage changes = _history[key];
        uint8 from = changes.length == 0 ? ACTIVE : changes[changes.length - 1].status;
        if (!_allowed(from, to)) revert InvalidTransition(key, from, to);

        uint64 effective = effectiveAt == 0 ? uint64(block.timestamp) : effectiveAt;
        if (effective + MAX_BACKDATE < block.timestamp || (changes.length > 0 && effective < changes[changes.length - 1].effectiveAt)) {
            revert EffectiveTimeTooEarly(key, effective);
        }

        changes.push(Change(to, reason, effective, uint64(block.number), uint64(block.timestamp)));
        changeCount += 1;
        emit StatusChanged(key, to, reason, effective, msg.sender);
    }

    function _allowed(uint8 from, uint8 to) private pure returns (bool) {
        if (from == ACTIVE) return to == SUSPENDED || to == REVOKED || to == SUPERSEDED;
        if (from == SUSPENDED) return to == ACTIVE || to == REVOKED || to == SUPERSEDED;
        return false; // revoked and superseded are final
    }
}
