namespace TrustLedger.CertService.DataTrust;

public sealed record CatalogField(string? Name, string? AuthoritativeDepartment, bool? Personal);

public sealed record CatalogEntryRequest(string? Code, string? Name, string? SourceDepartment, string? UpdateCycle, string? SharingClass, string? OpenClass, IReadOnlyList<CatalogField>? Fields);

public sealed record CatalogEntryView(
    string Code, string Name, string SourceDepartment, string UpdateCycle, string SharingClass, string OpenClass, IReadOnlyList<CatalogField> Fields,
    int CatalogVersion, string CatalogHash, string TransactionHash);

public sealed record CatalogRevisionView(int CatalogVersion, string Hash, string CanonicalJson, string TransactionHash, long BlockNumber, DateTimeOffset At, string By);

public sealed record ImportOutcome(int Index, string? Code, string Outcome, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record DatasetVersionView(
    string Resource, int Version, long RowCount, string Root, string SchemaHash, IReadOnlyList<string> Columns, bool Salted, IReadOnlyList<string> AuthoritativeFields,
    string TransactionHash, long BlockNumber, DateTimeOffset PublishedAt, long ElapsedMilliseconds);

public sealed record RowProofView(string Resource, int Version, long Index, long RowCount, string? Salt, string LeafHash, IReadOnlyList<string> Path, string Root, string HashAlgorithm, string Contract, string TransactionHash, long BlockNumber);

public sealed record ChangedRow(long Index, RowProofView AnchoredLeaf);

public sealed record DatasetCheckView(
    bool Matches, long VersionRows, long UploadedRows, string AnchoredRoot, string UploadedRoot,
    IReadOnlyList<ChangedRow> Changed, IReadOnlyList<long> Added, IReadOnlyList<long> Removed, string Summary);
