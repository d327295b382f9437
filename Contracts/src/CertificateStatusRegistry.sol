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
///      A recorded effective time never lies more than MAX_BACKDATE before its block nor before
///      the change recorded before it, so an issuer cannot silently rewrite what a verifier
///      answered yesterday. A change asked for an earlier time (an outage longer than the window
///      delayed it) is not lost: it is recorded at its block (or, after a change recorded for later,
///      with that change), with the time that was asked for kept beside it. No change is refused
///      for its time. Each change carries the issuer's own id and is recorded once: a change sent
///      again (after a crash, or by a second instance of the issuing service) is skipped.
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
        /// @dev The effective time the issuer asked for; equal to effectiveAt unless it was too early to keep.
        uint64 requestedEffectiveAt;
        uint64 blockNumber;
        uint64 timestamp;
        bytes32 changeId;
    }

    /// @notice One requested change: the issuer's id for it (non-zero, unique), the certificate's
    ///         status key, the new status, a reason code and the effective time (unix seconds; 0
    ///         means "at this block").
    struct ChangeRequest {
        bytes32 changeId;
        bytes32 key;
        uint8 status;
        uint16 reason;
        uint64 effectiveAt;
    }

    IssuerRegistry public immutable registry;
    mapping(bytes32 key => address) private _issuer;
    mapping(bytes32 key => Change[]) private _history;
    mapping(bytes32 changeId => bool) private _recorded;
    uint256 public changeCount;

    error NotADepartment(address sender);
    error NotTheIssuer(bytes32 key, address issuer, address sender);
    error InvalidTransition(bytes32 key, uint8 from, uint8 to);
    error ZeroChangeId();

    event StatusChanged(
        bytes32 indexed key, uint8 status, uint16 reason, uint64 effectiveAt, uint64 requestedEffectiveAt, bytes32 indexed changeId, address indexed by
    );

    constructor(IssuerRegistry issuerRegistry) {
        registry = issuerRegistry;
    }

    /// @notice Records many changes in one transaction; any invalid change reverts them all. A change
    ///         whose id is already recorded is skipped, so sending a batch again changes nothing.
    function recordChanges(ChangeRequest[] calldata requests) external {
        bool registrar = registry.hasRole(registry.REGISTRAR_ROLE(), msg.sender);
        (,, bool active,) = registry.department(msg.sender);
        if (!registrar && !active) revert NotADepartment(msg.sender);
        for (uint256 i = 0; i < requests.length; i++) {
            ChangeRequest calldata request = requests[i];
            if (request.changeId == bytes32(0)) revert ZeroChangeId();
            if (_recorded[request.changeId]) continue;
            _recorded[request.changeId] = true;
            _record(request, registrar);
        }
    }

    /// @notice True once a change with this id is recorded.
    function isRecorded(bytes32 changeId) external view returns (bool) {
        return _recorded[changeId];
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

    function _record(ChangeRequest calldata request, bool registrar) private {
        bytes32 key = request.key;
        uint8 to = request.status;
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

        uint64 nowTime = uint64(block.timestamp);
        uint64 requested = request.effectiveAt == 0 ? nowTime : request.effectiveAt;
        uint64 previous = changes.length == 0 ? 0 : changes[changes.length - 1].effectiveAt;
        uint64 effective = requested;
        if (requested + MAX_BACKDATE < nowTime || requested < previous) {
            // Asked for a time this registry cannot keep (older than the window, or before the change
            // recorded before it): in effect from this block, the requested time kept beside it.
            effective = nowTime;
        }
        // A change recorded ahead of this block (scheduled) is not overtaken: this one follows it.
        if (effective < previous) effective = previous;

        changes.push(Change(to, request.reason, effective, requested, uint64(block.number), nowTime, request.changeId));
        changeCount += 1;
        emit StatusChanged(key, to, request.reason, effective, requested, request.changeId, msg.sender);
    }

    function _allowed(uint8 from, uint8 to) private pure returns (bool) {
        if (from == ACTIVE) return to == SUSPENDED || to == REVOKED || to == SUPERSEDED;
        if (from == SUSPENDED) return to == ACTIVE || to == REVOKED || to == SUPERSEDED;
        return false; // revoked and superseded are final
    }
}
