using System.Text.Json;

namespace TrustLedger.CertService.Apis;

/// <summary>The answer to an accepted issuance: durable, not yet anchored.</summary>
public sealed record CertificateAccepted(Guid Id, string Identifier, string Status);

/// <summary>
/// A certificate as its issuing department sees it: anchoring status, lifecycle status, and the
/// verification URL its QR code carries.
/// </summary>
public sealed record CertificateView(
    Guid Id,
    string Identifier,
    string Status,
    string Lifecycle,
    string TypeCode,
    string IssuerCode,
    DateTimeOffset AcceptedAt,
    string VerificationUrl,
    JsonElement? Certificate,
    AnchorView? Anchor,
    string? Failure = null);

/// <summary>Where and how the certificate is anchored: its proof, root, transaction and block.</summary>
public sealed record AnchorView(
    string Root,
    long LeafIndex,
    long TreeSize,
    IReadOnlyList<string> Path,
    string HashAlgorithm,
    string TransactionHash,
    long BlockNumber,
    DateTimeOffset AnchoredAt);
