using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TrustLedger.Ledger.Contracts;

// Typed Nethereum bindings for Contracts/src/AuditTrail.sol; names follow the Solidity ABI.

public sealed class AuditTrailDeployment() : ContractDeploymentMessage(ContractArtifact.AuditTrail.Bytecode)
{
    [Parameter("address", "governanceAdmin", 1)]
    public string GovernanceAdmin { get; set; } = "";
}

[Function("anchor")]
public sealed class AnchorTrailFunction : FunctionMessage
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    [Parameter("bytes32", "kind", 2)]
    public byte[] Kind { get; set; } = [];

    [Parameter("uint32", "count", 3)]
    public uint Count { get; set; }

    [Parameter("uint8", "hashAlgorithm", 4)]
    public byte HashAlgorithm { get; set; }
}

[Function("anchorOf", typeof(TrailAnchorOfOutput))]
public sealed class TrailAnchorOfFunction : FunctionMessage
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];
}

[FunctionOutput]
public sealed class TrailAnchorOfOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public TrailEntryStruct Entry { get; set; } = new();
}

public sealed class TrailEntryStruct
{
    [Parameter("bytes32", "kind", 1)]
    public byte[] Kind { get; set; } = [];

    [Parameter("address", "recorder", 2)]
    public string Recorder { get; set; } = "";

    [Parameter("uint64", "blockNumber", 3)]
    public ulong BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 4)]
    public ulong Timestamp { get; set; }

    [Parameter("uint32", "count", 5)]
    public uint Count { get; set; }

    [Parameter("uint8", "hashAlgorithm", 6)]
    public byte HashAlgorithm { get; set; }
}
