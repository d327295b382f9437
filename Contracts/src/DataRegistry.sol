// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IssuerRegistry} from "./IssuerRegistry.sol";

/// @title DataRegistry
/// @notice Shared-data trust (一数一源，多元校核): the data resource catalog's anchored entries, one
///         source department per resource and per authoritative field, and the versions each
///         source publishes: the Merkle root over its rows, row count, schema hash.
/// @dev Governance (the IssuerRegistry's registrar) registers a resource with its source and
///      catalog entry hash and names each field's authoritative department. Only a resource's
///      source may publish its versions, in order, and a version may claim authority only over
///      fields whose registered source is the publisher. Only hashes go on chain.
contract DataRegistry {
    struct Resource {
        address source;
        bytes32 catalogHash;
        uint32 catalogVersion;
        uint32 latestVersion;
        uint64 registeredAtBlock;
    }

    struct Version {
        bytes32 root;
        bytes32 schemaHash;
        uint64 rowCount;
        uint64 blockNumber;
        uint64 timestamp;
        uint8 hashAlgorithm;
    }

    IssuerRegistry public immutable registry;
    mapping(bytes32 resourceId => Resource) private _resources;
    mapping(bytes32 resourceId => mapping(uint32 version => Version)) private _versions;
    mapping(bytes32 resourceId => mapping(bytes32 fieldId => address)) private _fieldSource;

    error NotRegistrar(address sender);
    error ZeroAddress();
    error UnknownResource(bytes32 resourceId);
    error CatalogVersionNotNewer(bytes32 resourceId, uint32 current, uint32 given);
    error NotTheSource(bytes32 resourceId, address source, address sender);
    error NotFieldSource(bytes32 resourceId, bytes32 fieldId, address source, address sender);
    error VersionOutOfOrder(bytes32 resourceId, uint32 expected, uint32 given);
    error EmptyVersion();
    error UnsupportedHashAlgorithm(uint8 hashAlgorithm);

    event CatalogEntryAnchored(bytes32 indexed resourceId, uint32 catalogVersion, bytes32 catalogHash, address indexed source);
    event FieldSourceSet(bytes32 indexed resourceId, bytes32 indexed fieldId, address indexed source);
    event VersionPublished(bytes32 indexed resourceId, uint32 indexed version, bytes32 root, uint64 rowCount, bytes32 schemaHash, address indexed source);

    constructor(IssuerRegistry issuerRegistry) {
        registry = issuerRegistry;
    }

    modifier onlyRegistrar() {
        if (!registry.hasRole(registry.REGISTRAR_ROLE(), msg.sender)) revert NotRegistrar(msg.sender);
        _;
    }

    /// @notice Registers or updates a catalog entry: its source department and the hash of the entry's canonical form.
    function anchorCatalogEntry(bytes32 resourceId, address source, bytes32 catalogHash, uint32 catalogVersion) external onlyRegistrar {
        if (source == address(0)) revert ZeroAddress();
        Resource storage resource = _resources[resourceId];
        if (catalogVersion <= resource.catalogVersion) revert CatalogVersionNotNewer(resourceId, resource.catalogVersion, catalogVersion);
        if (resource.registeredAtBlock == 0) resource.registeredAtBlock = uint64(block.number);
        resource.source = source;
        resource.catalogHash = catalogHash;
        resource.catalogVersion = catalogVersion;
        emit CatalogEntryAnchored(resourceId, catalogVersion, catalogHash, source);
    }

    /// @notice Names the department authoritative for each field of a resource (one source per data item).
    function setFieldSources(bytes32 resourceId, bytes32[] calldata fieldIds, address[] calldata sources) external onlyRegistrar {
        if (_resources[resourceId].registeredAtBlock == 0) revert UnknownResource(resourceId);
        for (uint256 i = 0; i < fieldIds.length; i++) {
            _fieldSource[resourceId][fieldIds[i]] = sources[i];
            emit FieldSourceSet(resourceId, fieldIds[i], sources[i]);
        }
    }

    /// @notice The source publishes the next version of its resource, claiming authority over the given fields.
    function publishVersion(
        bytes32 resourceId,
        uint32 version,
        bytes32 root,
        uint64 rowCount,
        bytes32 schemaHash,
        uint8 hashAlgorithm,
        bytes32[] calldata authoritativeFields
    ) external {
        Resource storage resource = _resources[resourceId];
        if (resource.registeredAtBlock == 0) revert UnknownResource(resourceId);
        if (resource.source != msg.sender) revert NotTheSource(resourceId, resource.source, msg.sender);
        if (version != resource.latestVersion + 1) revert VersionOutOfOrder(resourceId, resource.latestVersion + 1, version);
        if (rowCount == 0 || root == bytes32(0)) revert EmptyVersion();
        if (hashAlgorithm != 1 && hashAlgorithm != 2) revert UnsupportedHashAlgorithm(hashAlgorithm);
        for (uint256 i = 0; i < authoritativeFields.length; i++) {
            address fieldSource = _fieldSource[resourceId][authoritativeFields[i]];
            if (fieldSource != msg.sender) revert NotFieldSource(resourceId, authoritativeFields[i], fieldSource, msg.sender);
        }
        resource.latestVersion = version;
        _versions[resourceId][version] = Version(root, schemaHash, rowCount, uint64(block.number), uint64(block.timestamp), hashAlgorithm);
        emit VersionPublished(resourceId, version, root, rowCount, schemaHash, msg.sender);
    }

    function resourceOf(bytes32 resourceId) external view returns (Resource memory) {
        return _resources[resourceId];
    }

    function versionOf(bytes32 resourceId, uint32 version) external view returns (Version memory) {
        return _versions[resourceId][version];
    }

    function fieldSourceOf(bytes32 resourceId, bytes32 fieldId) external view returns (address) {
        return _fieldSource[resourceId][fieldId];
    }
}
