using TrustLedger.CertService.Issuance;

namespace TrustLedger.CertService.Batches;

/// <summary>One input row (1-based): the request it holds, or why it could not be read.</summary>
public sealed record BatchRow(int Row, IssueCertificateRequest? Request, IReadOnlyList<FieldError> ReadErrors);
