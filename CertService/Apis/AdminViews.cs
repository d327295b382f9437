namespace TrustLedger.CertService.Apis;

public sealed record OnboardDepartmentRequest(string? CreditCode, string? Name);

public sealed record DepartmentView(string CreditCode, string Name, string Account, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record GrantRequest(string? TypeCode);

/// <summary>A grant or revocation as written on chain, and who asked for it.</summary>
public sealed record GrantView(string DepartmentCode, string TypeCode, string Action, string TransactionHash, long BlockNumber, string By, DateTimeOffset At);

/// <summary>A new API key. <see cref="Key"/> is shown here once and never again.</summary>
public sealed record ApiKeyCreated(Guid Id, string DepartmentCode, string Prefix, string Key);

public sealed record ApiKeyView(Guid Id, string DepartmentCode, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>One line of a type import: created, already present, or invalid (with its errors).</summary>
public sealed record TypeImportRow(int Index, string? Code, int Version, string Status, IReadOnlyList<string> Errors);
