using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TrustLedger.Ledger.Contracts;

// Typed Nethereum bindings for Contracts/src/SealRegistry.sol; names follow the Solidity ABI.

public sealed class SealRegistryDeployment() : ContractDeploymentMessage(ContractArtifact.SealRegistry.Bytecode)
{
    [Parameter("address", "governanceAdmin", 1)]
    public string GovernanceAdmin { get; set; } = "";
}

[Function("registerSeal")]
public sealed class RegisterSealFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];

    [Parameter("address", "owner", 2)]
    public string Owner { get; set; } = "";

    [Parameter("bytes32", "publicKeyHash", 3)]
    public byte[] PublicKeyHash { get; set; } = [];

    [Parameter("uint64", "validFrom", 4)]
    public ulong ValidFrom { get; set; }

    [Parameter("uint64", "validUntil", 5)]
    public ulong ValidUntil { get; set; }

    [Parameter("uint8", "sealType", 6)]
    public byte SealType { get; set; }

    [Parameter("string", "name", 7)]
    public string Name { get; set; } = "";
}

[Function("suspendSeal")]
public sealed class SuspendSealFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];

    [Parameter("uint16", "reasonCode", 2)]
    public ushort ReasonCode { get; set; }
}

[Function("reinstateSeal")]
public sealed class ReinstateSealFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];
}

[Function("revokeSeal")]
public sealed class RevokeSealFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];

    [Parameter("uint16", "reasonCode", 2)]
    public ushort ReasonCode { get; set; }
}

[Function("statusAt", "uint8")]
public sealed class SealStatusAtFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];

    [Parameter("uint256", "blockNumber", 2)]
    public BigInteger BlockNumber { get; set; }
}

[Function("wasValidAt", "bool")]
public sealed class SealWasValidAtFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];

    [Parameter("uint256", "blockNumber", 2)]
    public BigInteger BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 3)]
    public ulong Timestamp { get; set; }
}

[Function("sealOf", typeof(SealOfOutput))]
public sealed class SealOfFunction : FunctionMessage
{
    [Parameter("bytes32", "sealId", 1)]
    public byte[] SealId { get; set; } = [];
}

[FunctionOutput]
public sealed class SealOfOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "seal", 1)]
    public SealStruct Seal { get; set; } = new();

    [Parameter("uint8", "status", 2)]
    public byte Status { get; set; }
}

public sealed class SealStruct
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";

    [Parameter("bytes32", "publicKeyHash", 2)]
    public byte[] PublicKeyHash { get; set; } = [];

    [Parameter("uint64", "validFrom", 3)]
    public ulong ValidFrom { get; set; }

    [Parameter("uint64", "validUntil", 4)]
    public ulong ValidUntil { get; set; }

    [Parameter("uint64", "registeredAtBlock", 5)]
    public ulong RegisteredAtBlock { get; set; }

    [Parameter("uint8", "sealType", 6)]
    public byte SealType { get; set; }

    [Parameter("string", "name", 7)]
    public string Name { get; set; } = "";
}
