using System.Reflection;
using System.Text.Json;

namespace TrustLedger.Ledger.Contracts;

/// <summary>
/// A compiled contract (ABI and creation bytecode) embedded from <c>Contracts/artifacts</c>, with the
/// EVM version it was compiled for: a chain's genesis must enable at least that fork.
/// </summary>
public sealed record ContractArtifact(string Name, string AbiJson, string Bytecode, string EvmVersion)
{
    public static readonly ContractArtifact IssuerRegistry = Load("IssuerRegistry");
    public static readonly ContractArtifact CertificateAnchor = Load("CertificateAnchor");
    public static readonly ContractArtifact SealRegistry = Load("SealRegistry");
    public static readonly ContractArtifact AuditTrail = Load("AuditTrail");
    public static readonly ContractArtifact CertificateStatusRegistry = Load("CertificateStatusRegistry");
    public static readonly ContractArtifact DataRegistry = Load("DataRegistry");

    public static IReadOnlyList<ContractArtifact> All { get; } = [IssuerRegistry, CertificateAnchor, SealRegistry, AuditTrail, CertificateStatusRegistry, DataRegistry];

    private static ContractArtifact Load(string name)
    {
        var resource = $"TrustLedger.Contracts.{name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded contract artifact {resource} is missing");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new ContractArtifact(name, root.GetProperty("abi").GetRawText(), root.GetProperty("bytecode").GetString()!, root.GetProperty("evmVersion").GetString()!);
    }
}
