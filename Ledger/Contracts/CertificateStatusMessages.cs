using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TrustLedger.Ledger.Contracts;

// Typed Nethereum bindings for Contracts/src/CertificateStatusRegistry.sol; names follow the Solidity ABI.

public sealed class CertificateStatusRegistryDeployment() : ContractDeploymentMessage(ContractArtifact.CertificateStatusRegistry.Bytecode)
{
    [Parameter("address", "issuerRegistry", 1)]
    public string IssuerRegistry { get; set; } = "";
}

[Function("recordChanges")]
public sealed class RecordStatusChangesFunction : FunctionMessage
{
    [Parameter("bytes32[]", "keys", 1)]
    public List<byte[]> Keys { get; set; } = [];

    [Parameter("uint8[]", "statuses", 2)]
    public List<byte> Statuses { get; set; } = [];

    [Parameter("uint16[]", "reasons", 3)]
    public List<ushort> Reasons { get; set; } = [];

    [Parameter("uint64[]", "effectiveAts", 4)]
    public List<ulong> EffectiveAts { get; set; } = [];
}

[Function("historyOf", typeof(StatusHistoryOutput))]
public sealed class StatusHistoryFunction : FunctionMessage
{
    [Parameter("bytes32", "key", 1)]
    public byte[] Key { get; set; } = [];
}

[FunctionOutput]
public sealed class StatusHistoryOutput : IFunctionOutputDTO
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("tuple[]", "changes", 2)]
    public List<StatusChangeStruct> Changes { get; set; } = [];
}

public sealed class StatusChangeStruct
{
    [Parameter("uint8", "status", 1)]
    public byte Status { get; set; }

    [Parameter("uint16", "reason", 2)]
    public ushort Reason { get; set; }

    [Parameter("uint64", "effectiveAt", 3)]
    public ulong EffectiveAt { get; set; }

    [Parameter("uint64", "blockNumber", 4)]
    public ulong BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 5)]
    public ulong Timestamp { get; set; }
}
