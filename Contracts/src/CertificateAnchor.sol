// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IssuerRegistry} from "./IssuerRegistry.sol";

/// @title CertificateAnchor
/// @notice Registered departments anchor the roots of RFC 9162 Merkle trees over salted certificate
///         leaves. Only roots go on chain: a root reveals nothing about the certificates under it.
/// @dev A batch declares the certificate types it contains; the anchor is refused unless the sender
///      holds every one of them in the IssuerRegistry at this block, so the chain itself enforces
///      "who may issue what" independently of the issuing service. Anchors are keyed by (issuer,
///      root): a root is public once its transaction is in a pool, and keying by root alone would
///      let any other department anchor a copy first and so take the batch over. A verifier looks
///      the anchor up under the account registered for the credit code the certificate names.
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
    mapping(address issuer => mapping(bytes32 root => Anchor)) private _anchors;

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
        Anchor storage existing = _anchors[msg.sender][root];
        if (existing.blockNumber != 0) revert RootAlreadyAnchored(root, existing.blockNumber);
        for (uint256 i = 0; i < typeIds.length; ++i) {
            if (!registry.isAuthorised(msg.sender, typeIds[i])) revert TypeNotGranted(msg.sender, typeIds[i]);
        }

        _anchors[msg.sender][root] = Anchor(msg.sender, uint64(block.number), uint64(block.timestamp), leafCount, hashAlgorithm);
        emit BatchAnchored(root, msg.sender, anchorCount, leafCount, hashAlgorithm, typeIds);
        ++anchorCount;
    }

    /// @notice The anchor of a root by the given issuer; blockNumber is 0 when that issuer never anchored it.
    function anchorOf(address issuer, bytes32 root) external view returns (Anchor memory) {
        return _anchors[issuer][root];
    }
}
