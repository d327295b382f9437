using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TrustLedger.Ledger.Contracts;

// Typed Nethereum bindings for Contracts/src/CertificateAnchor.sol; names follow the Solidity ABI.

public sealed class CertificateAnchorDeployment() : ContractDeploymentMessage(ContractArtifact.CertificateAnchor.Bytecode)
{
    [Parameter("address", "registry_", 1)]
    public string Registry { get; set; } = "";
}

[Function("anchor")]
public sealed class AnchorFunction : FunctionMessage
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    [Parameter("uint32", "leafCount", 2)]
    public uint LeafCount { get; set; }

    [Parameter("uint8", "hashAlgorithm", 3)]
    public byte HashAlgorithm { get; set; }

    [Parameter("bytes32[]", "typeIds", 4)]
    public List<byte[]> TypeIds { get; set; } = [];
}

[Function("anchorOf", typeof(AnchorOfOutput))]
public sealed class AnchorOfFunction : FunctionMessage
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("bytes32", "root", 2)]
    public byte[] Root { get; set; } = [];
}

[FunctionOutput]
public sealed class AnchorOfOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public AnchorStruct Anchor { get; set; } = new();
}

public sealed class AnchorStruct
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("uint64", "blockNumber", 2)]
    public ulong BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 3)]
    public ulong Timestamp { get; set; }

    [Parameter("uint32", "leafCount", 4)]
    public uint LeafCount { get; set; }

    [Parameter("uint8", "hashAlgorithm", 5)]
    public byte HashAlgorithm { get; set; }
}

[Event("BatchAnchored")]
public sealed class BatchAnchoredEvent : IEventDTO
{
    [Parameter("bytes32", "root", 1, true)]
    public byte[] Root { get; set; } = [];

    [Parameter("address", "issuer", 2, true)]
    public string Issuer { get; set; } = "";

    [Parameter("uint256", "sequence", 3, true)]
    public BigInteger Sequence { get; set; }

    [Parameter("uint32", "leafCount", 4, false)]
    public uint LeafCount { get; set; }

    [Parameter("uint8", "hashAlgorithm", 5, false)]
    public byte HashAlgorithm { get; set; }

    [Parameter("bytes32[]", "typeIds", 6, false)]
    public List<byte[]> TypeIds { get; set; } = [];
}
