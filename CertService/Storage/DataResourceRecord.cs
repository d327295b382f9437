namespace TrustLedger.CertService.Storage;

/// <summary>
/// A data resource in the catalog (政务数据资源目录), as of its latest revision: who is the source,
/// which department is authoritative for each field, how often it is updated, and whether and how
/// it is shared and opened. Every change is a new revision whose hash governance anchors.
/// </summary>
public sealed class DataResourceRecord
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string SourceDepartment { get; set; }

    public required string UpdateCycle { get; set; }

    /// <summary><c>unconditional</c>, <c>conditional</c> or <c>none</c> (无条件共享 / 有条件共享 / 不予共享).</summary>
    public required string SharingClass { get; set; }

    /// <summary><c>open</c>, <c>conditional</c> or <c>none</c>.</summary>
    public required string OpenClass { get; set; }

    /// <summary>The fields as JSON: <c>[{name, authoritativeDepartment, personal}]</c>.</summary>
    public required string FieldsJson { get; set; }

    public int CatalogVersion { get; set; }

    /// <summary>SM3 of the revision's canonical JSON, anchored in DataRegistry.</summary>
    public required byte[] CatalogHash { get; set; }

    public required string CatalogTransaction { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>One anchored revision of a catalog entry, kept whole so the catalog's history can be proven.</summary>
public sealed class DataResourceRevisionRecord
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public int CatalogVersion { get; set; }

    public required string CanonicalJson { get; set; }

    public required byte[] Hash { get; set; }

    /// <summary>
    /// <c>prepared</c> (written before the chain's write; the entry takes it on once it is anchored:
    /// <see cref="CanonicalJson"/> holds all of it), <c>published</c> or <c>abandoned</c>.
    /// </summary>
    public string State { get; set; } = ChainWriteStates.Published;

    public string? TransactionHash { get; set; }

    public long? BlockNumber { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }
}
