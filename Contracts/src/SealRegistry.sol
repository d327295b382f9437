// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title SealRegistry
/// @notice The register of departments' electronic seals (电子印章, GB/T 38540): each seal's owner,
///         the hash of its SM2 public key, its validity window, and its status history.
/// @dev Status changes are checkpointed by block number, so "was seal S valid at block N" has an
///      exact answer after a later suspension or revocation. Revocation is final. Only hashes and
///      metadata go on chain: the seal picture and keys stay with the department.
contract SealRegistry is AccessControl {
    using Checkpoints for Checkpoints.Trace208;

    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    uint8 public constant STATUS_NONE = 0;
    uint8 public constant STATUS_ACTIVE = 1;
    uint8 public constant STATUS_SUSPENDED = 2;
    uint8 public constant STATUS_REVOKED = 3;

    struct Seal {
        address owner;
        bytes32 publicKeyHash;
        uint64 validFrom;
        uint64 validUntil;
        uint64 registeredAtBlock;
        uint8 sealType;
        string name;
    }

    mapping(bytes32 sealId => Seal) private _seals;
    mapping(bytes32 sealId => Checkpoints.Trace208) private _status;

    error ZeroAddress();
    error InvalidValidity(uint64 validFrom, uint64 validUntil);
    error SealAlreadyRegistered(bytes32 sealId);
    error UnknownSeal(bytes32 sealId);
    error SealIsRevoked(bytes32 sealId);
    error InvalidTransition(bytes32 sealId, uint8 from, uint8 to);

    event SealRegistered(
        bytes32 indexed sealId, address indexed owner, bytes32 publicKeyHash, uint64 validFrom, uint64 validUntil, uint8 sealType, string name, address by
    );
    event SealStatusChanged(bytes32 indexed sealId, uint8 status, uint16 reasonCode, address indexed by);

    constructor(address governanceAdmin) {
        if (governanceAdmin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governanceAdmin);
        _grantRole(REGISTRAR_ROLE, governanceAdmin);
    }

    function registerSeal(
        bytes32 sealId,
        address owner,
        bytes32 publicKeyHash,
        uint64 validFrom,
        uint64 validUntil,
        uint8 sealType,
        string calldata name
    ) external onlyRole(REGISTRAR_ROLE) {
        if (owner == address(0)) revert ZeroAddress();
        if (validUntil <= validFrom) revert InvalidValidity(validFrom, validUntil);
        if (_seals[sealId].registeredAtBlock != 0) revert SealAlreadyRegistered(sealId);
        _seals[sealId] = Seal(owner, publicKeyHash, validFrom, validUntil, SafeCast.toUint64(block.number), sealType, name);
        _status[sealId].push(SafeCast.toUint48(block.number), STATUS_ACTIVE);
        emit SealRegistered(sealId, owner, publicKeyHash, validFrom, validUntil, sealType, name, msg.sender);
        emit SealStatusChanged(sealId, STATUS_ACTIVE, 0, msg.sender);
    }

    function suspendSeal(bytes32 sealId, uint16 reasonCode) external onlyRole(REGISTRAR_ROLE) {
        _change(sealId, STATUS_ACTIVE, STATUS_SUSPENDED, reasonCode);
    }

    function reinstateSeal(bytes32 sealId) external onlyRole(REGISTRAR_ROLE) {
        _change(sealId, STATUS_SUSPENDED, STATUS_ACTIVE, 0);
    }

    /// @notice Revokes an active or suspended seal for good.
    function revokeSeal(bytes32 sealId, uint16 reasonCode) external onlyRole(REGISTRAR_ROLE) {
        uint8 current = statusOf(sealId);
        if (current == STATUS_REVOKED) revert SealIsRevoked(sealId);
        _change(sealId, current, STATUS_REVOKED, reasonCode);
    }

    function sealOf(bytes32 sealId) external view returns (Seal memory seal, uint8 status) {
        return (_seals[sealId], statusOf(sealId));
    }

    function statusOf(bytes32 sealId) public view returns (uint8) {
        return uint8(_status[sealId].latest());
    }

    /// @notice The seal's status at the end of the given block (STATUS_NONE before registration).
    function statusAt(bytes32 sealId, uint256 blockNumber) public view returns (uint8) {
        return uint8(_status[sealId].upperLookupRecent(SafeCast.toUint48(blockNumber)));
    }

    /// @notice True when the seal was active at the block and the time lies in its validity window.
    function wasValidAt(bytes32 sealId, uint256 blockNumber, uint64 timestamp) external view returns (bool) {
        Seal storage seal = _seals[sealId];
        return statusAt(sealId, blockNumber) == STATUS_ACTIVE && timestamp >= seal.validFrom && timestamp <= seal.validUntil;
    }

    function _change(bytes32 sealId, uint8 from, uint8 to, uint16 reasonCode) private {
        if (_seals[sealId].registeredAtBlock == 0) revert UnknownSeal(sealId);
        uint8 current = statusOf(sealId);
        if (current == STATUS_REVOKED) revert SealIsRevoked(sealId);
        if (current != from) revert InvalidTransition(sealId, current, to);
        _status[sealId].push(SafeCast.toUint48(block.number), to);
        emit SealStatusChanged(sealId, to, reasonCode, msg.sender);
    }
}
