namespace TrustLedger.CertService.Apis;

/// <summary>Filters for listing certificates; all optional. Dates are instants (ISO 8601); pages start at 1.</summary>
public sealed record CertificateQuery(
    string? HolderCode,
    string? TypeCode,
    string? Issuer,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Status,
    int? Page,
    int? PageSize);

/// <summary>One certificate in a listing: identifiers and state, no personal data.</summary>
public sealed record CertificateSummary(
    Guid Id, string Identifier, string TypeCode, string IssuerCode, string Status, DateTimeOffset AcceptedAt, DateOnly ValidFrom, DateOnly? ValidUntil);

public sealed record CertificatePage(int Page, int PageSize, int Total, IReadOnlyList<CertificateSummary> Items);
