// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IssuerRegistry} from "./IssuerRegistry.sol";

/// @title CertificateStatusRegistry
/// @notice The lifecycle of certificates after issuance: suspension, reinstatement, revocation and
///         supersession on renewal, each with a reason code and an effective time, with the full
///         history kept. A certificate is keyed by a salted hash of its identifier (the salt is the
///         certificate's own secret salt), so the chain reveals neither identifiers nor holders.
/// @dev Histories are kept per issuing account: a department records changes only under its own
///      account (recordChanges), and the governance registrar on behalf of a registered department
///      (recordChangesFor). A verifier reads the history under the account that anchored the
///      certificate, so no other account can write, claim or block what it reads, and a change id
///      is recorded once per account (another account copying it from the pool records nothing of
///      ours). Transitions are enforced here, not only in the
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
    mapping(address issuer => mapping(bytes32 key => Change[])) private _history;
    mapping(address issuer => mapping(bytes32 changeId => bool)) private _recorded;
    uint256 public changeCount;

    error NotADepartment(address sender);
    error NotTheRegistrar(address sender);
    error InvalidTransition(bytes32 key, uint8 from, uint8 to);
    error ZeroChangeId();

    event StatusChanged(
        bytes32 indexed key,
        uint8 status,
        uint16 reason,
        uint64 effectiveAt,
        uint64 requestedEffectiveAt,
        bytes32 indexed changeId,
        address indexed issuer,
        address by
    );

    constructor(IssuerRegistry issuerRegistry) {
        registry = issuerRegistry;
    }

    /// @notice Records many changes of the sender's own certificates in one transaction; any invalid
    ///         change reverts them all. A change whose id the sender already recorded is skipped, so
    ///         sending a batch again changes nothing.
    function recordChanges(ChangeRequest[] calldata requests) external {
        (,, bool active,) = registry.department(msg.sender);
        if (!active) revert NotADepartment(msg.sender);
        _recordAll(msg.sender, requests);
    }

    /// @notice The governance registrar records changes of a registered department's certificates
    ///         (one that is suspended or dissolved included), under that department's account.
    function recordChangesFor(address issuer, ChangeRequest[] calldata requests) external {
        if (!registry.hasRole(registry.REGISTRAR_ROLE(), msg.sender)) revert NotTheRegistrar(msg.sender);
        (string memory creditCode,,,) = registry.department(issuer);
        if (bytes(creditCode).length == 0) revert NotADepartment(issuer);
        _recordAll(issuer, requests);
    }

    /// @notice True once the issuer has a change with this id on record.
    function isRecorded(address issuer, bytes32 changeId) external view returns (bool) {
        return _recorded[issuer][changeId];
    }

    /// @notice Every change the issuer recorded for the key, oldest first (empty when none).
    function historyOf(address issuer, bytes32 key) external view returns (Change[] memory changes) {
        return _history[issuer][key];
    }

    /// @notice The status in effect at the given unix time under the issuer (ACTIVE when nothing was in effect yet).
    function statusAt(address issuer, bytes32 key, uint64 time) external view returns (uint8) {
        Change[] storage changes = _history[issuer][key];
        for (uint256 i = changes.length; i > 0; i--) {
            if (changes[i - 1].effectiveAt <= time) return changes[i - 1].status;
        }
        return ACTIVE;
    }

    function _recordAll(address issuer, ChangeRequest[] calldata requests) private {
        for (uint256 i = 0; i < requests.length; i++) {
            ChangeRequest calldata request = requests[i];
            if (request.changeId == bytes32(0)) revert ZeroChangeId();
            if (_recorded[issuer][request.changeId]) continue;
            _recorded[issuer][request.changeId] = true;
            _record(issuer, request);
        }
    }

    function _record(address issuer, ChangeRequest calldata request) private {
        bytes32 key = request.key;
        uint8 to = request.status;
        Change[] storage changes = _history[issuer][key];
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
        emit StatusChanged(key, to, request.reason, effective, requested, request.changeId, issuer, msg.sender);
    }

    function _allowed(uint8 from, uint8 to) private pure returns (bool) {
        if (from == ACTIVE) return to == SUSPENDED || to == REVOKED || to == SUPERSEDED;
        if (from == SUSPENDED) return to == ACTIVE || to == REVOKED || to == SUPERSEDED;
        return false; // revoked and superseded are final
    }
}
