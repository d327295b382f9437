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
    [Parameter("tuple[]", "requests", 1)]
    public List<StatusChangeRequestStruct> Requests { get; set; } = [];
}

public sealed class StatusChangeRequestStruct
{
    [Parameter("bytes32", "changeId", 1)]
    public byte[] ChangeId { get; set; } = [];

    [Parameter("bytes32", "key", 2)]
    public byte[] Key { get; set; } = [];

    [Parameter("uint8", "status", 3)]
    public byte Status { get; set; }

    [Parameter("uint16", "reason", 4)]
    public ushort Reason { get; set; }

    [Parameter("uint64", "effectiveAt", 5)]
    public ulong EffectiveAt { get; set; }
}

[Function("recordChangesFor")]
public sealed class RecordStatusChangesForFunction : FunctionMessage
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("tuple[]", "requests", 2)]
    public List<StatusChangeRequestStruct> Requests { get; set; } = [];
}

[Function("isRecorded", "bool")]
public sealed class IsStatusChangeRecordedFunction : FunctionMessage
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("bytes32", "changeId", 2)]
    public byte[] ChangeId { get; set; } = [];
}

[Function("historyOf", typeof(StatusHistoryOutput))]
public sealed class StatusHistoryFunction : FunctionMessage
{
    [Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Parameter("bytes32", "key", 2)]
    public byte[] Key { get; set; } = [];
}

[FunctionOutput]
public sealed class StatusHistoryOutput : IFunctionOutputDTO
{
    [Parameter("tuple[]", "changes", 1)]
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

    [Parameter("uint64", "requestedEffectiveAt", 4)]
    public ulong RequestedEffectiveAt { get; set; }

    [Parameter("uint64", "blockNumber", 5)]
    public ulong BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 6)]
    public ulong Timestamp { get; set; }

    [Parameter("bytes32", "changeId", 7)]
    public byte[] ChangeId { get; set; } = [];
}

[Event("StatusChanged")]
public sealed class StatusChangedEvent : IEventDTO
{
    [Parameter("bytes32", "key", 1, true)]
    public byte[] Key { get; set; } = [];

    [Parameter("uint8", "status", 2, false)]
    public byte Status { get; set; }

    [Parameter("uint16", "reason", 3, false)]
    public ushort Reason { get; set; }

    [Parameter("uint64", "effectiveAt", 4, false)]
    public ulong EffectiveAt { get; set; }

    [Parameter("uint64", "requestedEffectiveAt", 5, false)]
    public ulong RequestedEffectiveAt { get; set; }

    [Parameter("bytes32", "changeId", 6, true)]
    public byte[] ChangeId { get; set; } = [];

    [Parameter("address", "issuer", 7, true)]
    public string Issuer { get; set; } = "";

    [Parameter("address", "by", 8, false)]
    public string By { get; set; } = "";
}
