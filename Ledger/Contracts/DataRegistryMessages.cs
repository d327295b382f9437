using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TrustLedger.Ledger.Contracts;

// Typed Nethereum bindings for Contracts/src/DataRegistry.sol; names follow the Solidity ABI.

public sealed class DataRegistryDeployment() : ContractDeploymentMessage(ContractArtifact.DataRegistry.Bytecode)
{
    [Parameter("address", "issuerRegistry", 1)]
    public string IssuerRegistry { get; set; } = "";
}

[Function("anchorCatalogEntry")]
public sealed class AnchorCatalogEntryFunction : FunctionMessage
{
    [Parameter("bytes32", "resourceId", 1)]
    public byte[] ResourceId { get; set; } = [];

    [Parameter("address", "source", 2)]
    public string Source { get; set; } = "";

    [Parameter("bytes32", "catalogHash", 3)]
    public byte[] CatalogHash { get; set; } = [];

    [Parameter("uint32", "catalogVersion", 4)]
    public uint CatalogVersion { get; set; }
}

[Function("setFieldSources")]
public sealed class SetFieldSourcesFunction : FunctionMessage
{
    [Parameter("bytes32", "resourceId", 1)]
    public byte[] ResourceId { get; set; } = [];

    [Parameter("bytes32[]", "fieldIds", 2)]
    public List<byte[]> FieldIds { get; set; } = [];

    [Parameter("address[]", "sources", 3)]
    public List<string> Sources { get; set; } = [];
}

[Function("publishVersion")]
public sealed class PublishVersionFunction : FunctionMessage
{
    [Parameter("bytes32", "resourceId", 1)]
    public byte[] ResourceId { get; set; } = [];

    [Parameter("uint32", "version", 2)]
    public uint Version { get; set; }

    [Parameter("bytes32", "root", 3)]
    public byte[] Root { get; set; } = [];

    [Parameter("uint64", "rowCount", 4)]
    public ulong RowCount { get; set; }

    [Parameter("bytes32", "schemaHash", 5)]
    public byte[] SchemaHash { get; set; } = [];

    [Parameter("uint8", "hashAlgorithm", 6)]
    public byte HashAlgorithm { get; set; }

    [Parameter("bytes32[]", "authoritativeFields", 7)]
    public List<byte[]> AuthoritativeFields { get; set; } = [];
}

[Function("resourceOf", typeof(ResourceOfOutput))]
public sealed class ResourceOfFunction : FunctionMessage
{
    [Parameter("bytes32", "resourceId", 1)]
    public byte[] ResourceId { get; set; } = [];
}

[FunctionOutput]
public sealed class ResourceOfOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public DataResourceStruct Resource { get; set; } = new();
}

public sealed class DataResourceStruct
{
    [Parameter("address", "source", 1)]
    public string Source { get; set; } = "";

    [Parameter("bytes32", "catalogHash", 2)]
    public byte[] CatalogHash { get; set; } = [];

    [Parameter("uint32", "catalogVersion", 3)]
    public uint CatalogVersion { get; set; }

    [Parameter("uint32", "latestVersion", 4)]
    public uint LatestVersion { get; set; }

    [Parameter("uint64", "registeredAtBlock", 5)]
    public ulong RegisteredAtBlock { get; set; }
}

[Function("versionOf", typeof(VersionOfOutput))]
public sealed class VersionOfFunction : FunctionMessage
{
    [Parameter("bytes32", "resourceId", 1)]
    public byte[] ResourceId { get; set; } = [];

    [Parameter("uint32", "version", 2)]
    public uint Version { get; set; }
}

[FunctionOutput]
public sealed class VersionOfOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public DatasetVersionStruct Version { get; set; } = new();
}

public sealed class DatasetVersionStruct
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    [Parameter("bytes32", "schemaHash", 2)]
    public byte[] SchemaHash { get; set; } = [];

    [Parameter("uint64", "rowCount", 3)]
    public ulong RowCount { get; set; }

    [Parameter("uint64", "blockNumber", 4)]
    public ulong BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 5)]
    public ulong Timestamp { get; set; }

    [Parameter("uint8", "hashAlgorithm", 6)]
    public byte HashAlgorithm { get; set; }
}

[Function("fieldSourceOf", "address")]
public sealed class FieldSourceOfFunction : FunctionMessage
{
    [Parameter("bytes32", "resourceId", 1)]
    public byte[] ResourceId { get; set; } = [];

    [Parameter("bytes32", "fieldId", 2)]
    public byte[] FieldId { get; set; } = [];
}

[Event("VersionPublished")]
public sealed class VersionPublishedEvent : IEventDTO
{
    [Parameter("bytes32", "resourceId", 1, true)]
    public byte[] ResourceId { get; set; } = [];

    [Parameter("uint32", "version", 2, true)]
    public uint Version { get; set; }

    [Parameter("bytes32", "root", 3, false)]
    public byte[] Root { get; set; } = [];

    [Parameter("uint64", "rowCount", 4, false)]
    public ulong RowCount { get; set; }

    [Parameter("bytes32", "schemaHash", 5, false)]
    public byte[] SchemaHash { get; set; } = [];

    [Parameter("address", "source", 6, true)]
    public string Source { get; set; } = "";
}
