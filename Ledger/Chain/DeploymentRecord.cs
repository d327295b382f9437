using System.Text.Json;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// Where the TrustLedger contracts live on one chain. The genesis hash tells a fresh chain with the
/// same chain id (a wiped devnet) from the chain the contracts were deployed to.
/// </summary>
public sealed record DeploymentRecord(
    long ChainId,
    string GenesisHash,
    string IssuerRegistry,
    string CertificateAnchor,
    string? SealRegistry,
    ulong DeployedAtBlock,
    string GovernanceAdmin,
    string? AuditTrail = null,
    string? CertificateStatus = null,
    string? DataRegistry = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static DeploymentRecord? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return JsonSerializer.Deserialize<DeploymentRecord>(File.ReadAllText(path), Json);
    }

    public static DeploymentRecord Load(string path) =>
        TryLoad(path) ?? throw new InvalidOperationException($"no deployment record at {path}: run the deployer (./start.sh does) first");

    /// <summary>Writes the record atomically, so a reader never sees half a file.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
