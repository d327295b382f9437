namespace TrustLedger.CertService.Batches;

/// <summary>The per-row answer to a bulk issuance: every row accepted (with id and identifier) or rejected (with its errors).</summary>
public sealed record BatchReport(int Total, int Accepted, int Rejected, IReadOnlyList<BatchRowReport> Rows);

public sealed record BatchRowReport(int Row, string Status, Guid? Id, string? Identifier, IReadOnlyList<BatchFieldError>? Errors);

public sealed record BatchFieldError(string Field, string Code, string Message);
