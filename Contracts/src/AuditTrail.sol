// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title AuditTrail
/// @notice Anchors the Merkle roots of audit trails kept off chain: who was granted access to which
///         certificate, and every access (授权用证), later also data-exchange receipts. Each root
///         commits to a batch of trail entries of one kind; an auditor holding an entry and its
///         inclusion proof can show it was recorded no later than the anchoring block.
/// @dev Kept apart from CertificateAnchor on purpose: a trail root must never pass for a batch of
///      certificates. Only hashes go on chain.
contract AuditTrail is AccessControl {
    bytes32 public constant RECORDER_ROLE = keccak256("RECORDER_ROLE");

    uint8 public constant HASH_SM3 = 1;
    uint8 public constant HASH_SHA256 = 2;

    struct Entry {
        bytes32 kind;
        address recorder;
        uint64 blockNumber;
        uint64 timestamp;
        uint32 count;
        uint8 hashAlgorithm;
    }

    mapping(bytes32 root => Entry) private _entries;
    uint256 public trailCount;

    error ZeroAddress();
    error ZeroRoot();
    error EmptyTrail();
    error UnsupportedHashAlgorithm(uint8 hashAlgorithm);
    error RootAlreadyAnchored(bytes32 root, uint64 blockNumber);

    event TrailAnchored(bytes32 indexed root, bytes32 indexed kind, uint32 count, uint8 hashAlgorithm, address indexed recorder);

    constructor(address governanceAdmin) {
        if (governanceAdmin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governanceAdmin);
        _grantRole(RECORDER_ROLE, governanceAdmin);
    }

    function anchor(bytes32 root, bytes32 kind, uint32 count, uint8 hashAlgorithm) external onlyRole(RECORDER_ROLE) {
        if (root == bytes32(0)) revert ZeroRoot();
        if (count == 0) revert EmptyTrail();
        if (hashAlgorithm != HASH_SM3 && hashAlgorithm != HASH_SHA256) revert UnsupportedHashAlgorithm(hashAlgorithm);
        Entry storage existing = _entries[root];
        if (existing.blockNumber != 0) revert RootAlreadyAnchored(root, existing.blockNumber);
        _entries[root] = Entry(kind, msg.sender, uint64(block.number), uint64(block.timestamp), count, hashAlgorithm);
        trailCount += 1;
        emit TrailAnchored(root, kind, count, hashAlgorithm, msg.sender);
    }

    function anchorOf(bytes32 root) external view returns (Entry memory) {
        return _entries[root];
    }
}
