using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// A catalog revision's way to the chain, in the order certificate batches take it: recorded
/// <c>prepared</c> (its canonical JSON holds the whole entry), then anchored by governance
/// (the entry's hash and source, then each field's authoritative department), then applied to the
/// catalog entry. The reconciliation finishes a revision whose writes a crash or an outage cut short.
/// </summary>
public static class CatalogRevisions
{
    /// <summary>The entry as a revision sets it, read back from the revision's canonical JSON (format trustledger.catalog-entry.v1).</summary>
    private sealed record Entry(string Code, string Name, string SourceDepartment, string UpdateCycle, string SharingClass, string OpenClass, List<CatalogField> Fields, int CatalogVersion);

    /// <summary>
    /// Sends what the chain lacks of the revision (its anchor, its field sources): the anchor's outcome
    /// (or the field sources' when only they were missing, or failed), null when nothing was needed.
    /// </summary>
    public static async Task<TransactionOutcome?> SendAsync(CertificateStore store, DataRegistryClient data, TransactionSender governance, DataResourceRevisionRecord revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var entry = Read(revision);
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in entry.Fields.Select(f => f.AuthoritativeDepartment ?? entry.SourceDepartment).Append(entry.SourceDepartment).Distinct(StringComparer.Ordinal))
        {
            departments[code] = (await DepartmentDirectory.FindAsync(store, code, cancellationToken))?.Account
                ?? throw new InvalidOperationException($"catalog revision {revision.Id} names department {code}, which is not on board");
        }

        TransactionOutcome? outcome = null;
        var onChain = await data.GetResourceAsync(entry.Code);
        if (onChain is null || onChain.CatalogVersion < entry.CatalogVersion)
        {
            outcome = await data.AnchorCatalogEntryAsync(governance, entry.Code, departments[entry.SourceDepartment], revision.Hash, (uint)entry.CatalogVersion, cancellationToken);
            if (!outcome.Succeeded)
            {
                return outcome;
            }
        }
        else if (onChain.CatalogVersion != entry.CatalogVersion || !onChain.CatalogHash.AsSpan().SequenceEqual(revision.Hash))
        {
            return TransactionOutcome.Reverted(new ContractRevert("CatalogVersionNotNewer", $"the chain holds catalog version {onChain.CatalogVersion} of {entry.Code} with another hash", null));
        }

        var missing = new List<(string Field, string SourceAccount)>();
        foreach (var field in entry.Fields)
        {
            var account = departments[field.AuthoritativeDepartment ?? entry.SourceDepartment];
            if (!string.Equals(await data.GetFieldSourceAsync(entry.Code, field.Name!), account, StringComparison.OrdinalIgnoreCase))
            {
                missing.Add((field.Name!, account));
            }
        }

        if (missing.Count == 0)
        {
            return outcome;
        }

        var sources = await data.SetFieldSourcesAsync(governance, entry.Code, missing, cancellationToken);
        return sources.Succeeded ? outcome ?? sources : sources;
    }

    /// <summary>The anchored revision becomes the catalog entry's state (the caller saves); returns the entry.</summary>
    public static async Task<DataResourceRecord> ApplyAsync(CertificateStore store, DataResourceRevisionRecord revision, string? transactionHash, long blockNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(revision);
        var entry = Read(revision);
        var resource = await store.DataResources.SingleOrDefaultAsync(r => r.Code == entry.Code, cancellationToken);
        if (resource is null)
        {
            resource = new DataResourceRecord
            {
                Code = entry.Code, Name = "", SourceDepartment = "", UpdateCycle = "", SharingClass = "", OpenClass = "", FieldsJson = "[]", CatalogHash = [], CatalogTransaction = "", UpdatedBy = "",
            };
            store.DataResources.Add(resource);
        }

        if (resource.CatalogVersion < entry.CatalogVersion)
        {
            resource.Name = entry.Name;
            resource.SourceDepartment = entry.SourceDepartment;
            resource.UpdateCycle = entry.UpdateCycle;
            resource.SharingClass = entry.SharingClass;
            resource.OpenClass = entry.OpenClass;
            resource.FieldsJson = JsonSerializer.Serialize(entry.Fields, JsonSerializerOptions.Web);
            resource.CatalogVersion = entry.CatalogVersion;
            resource.CatalogHash = revision.Hash;
            resource.CatalogTransaction = transactionHash ?? "";
            resource.UpdatedAt = revision.At;
            resource.UpdatedBy = revision.By;
        }

        revision.State = ChainWriteStates.Published;
        revision.TransactionHash = transactionHash;
        revision.BlockNumber = blockNumber;
        return resource;
    }

    private static Entry Read(DataResourceRevisionRecord revision) =>
        JsonSerializer.Deserialize<Entry>(revision.CanonicalJson, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"catalog revision {revision.Id} holds no entry");
}
