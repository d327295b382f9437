// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IssuerRegistry} from "./IssuerRegistry.sol";

/// @title CertificateAnchor
/// @notice Registered departments anchor the roots of RFC 9162 Merkle trees over salted certificate
///         leaves. Only roots go on chain: a root reveals nothing about the certificates under it.
/// @dev A batch declares the certificate types it contains; the anchor is refused unless the sender
///      holds every one of them in the IssuerRegistry at this block, so the chain itself enforces
///      "who may issue what" independently of the issuing service.
contract CertificateAnchor {
    /// @notice Hash algorithm ids for leaves and nodes.
    uint8 public constant HASH_SM3 = 1;
    uint8 public constant HASH_SHA256 = 2;

    struct Anchor {
        address issuer;
        uint64 blockNumber;
        uint64 timestamp;
        uint32 leafCount;
        uint8 hashAlgorithm;
    }

    IssuerRegistry public immutable registry;
    uint256 public anchorCount;
    mapping(bytes32 root => Anchor) private _anchors;

    error ZeroRoot();
    error EmptyBatch();
    error NoTypesDeclared();
    error UnsupportedHashAlgorithm(uint8 hashAlgorithm);
    error RootAlreadyAnchored(bytes32 root, uint64 blockNumber);
    error TypeNotGranted(address sender, bytes32 typeId);

    event BatchAnchored(
        bytes32 indexed root,
        address indexed issuer,
        uint256 indexed sequence,
        uint32 leafCount,
        uint8 hashAlgorithm,
        bytes32[] typeIds
    );

    constructor(IssuerRegistry registry_) {
        registry = registry_;
    }

    function anchor(bytes32 root, uint32 leafCount, uint8 hashAlgorithm, bytes32[] calldata typeIds) external {
        if (root == bytes32(0)) revert ZeroRoot();
        if (leafCount == 0) revert EmptyBatch();
        if (typeIds.length == 0) revert NoTypesDeclared();
        if (hashAlgorithm != HASH_SM3 && hashAlgorithm != HASH_SHA256) revert UnsupportedHashAlgorithm(hashAlgorithm);
        Anchor storage existing = _anchors[root];
        if (existing.blockNumber != 0) revert RootAlreadyAnchored(root, existing.blockNumber);
        for (uint256 i = 0; i < typeIds.length; ++i) {
            if (!registry.isAuthorised(msg.sender, typeIds[i])) revert TypeNotGranted(msg.sender, typeIds[i]);
        }

        _anchors[root] = Anchor(msg.sender, uint64(block.number), uint64(block.timestamp), leafCount, hashAlgorithm);
        emit BatchAnchored(root, msg.sender, anchorCount, leafCount, hashAlgorithm, typeIds);
        ++anchorCount;
    }

    /// @notice The anchor record of a root; blockNumber is 0 when the root was never anchored.
    function anchorOf(bytes32 root) external view returns (Anchor memory) {
        return _anchors[root];
    }
}
