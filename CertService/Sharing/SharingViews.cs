using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.CertService.Sharing;

public sealed record RegisterAgencyRequest(string? Code, string? Name, string? EncryptionPublicKey);

/// <summary>A registered agency; <paramref name="ApiKey"/> is shown this once and stored only as a hash.</summary>
public sealed record AgencyCreated(string Code, string Name, string ApiKey);

public sealed record HolderCertificateView(Guid Id, string Identifier, string TypeCode, string IssuerCode, string Status);

public sealed record GrantRequest(string? AgencyCode, string? Purpose, DateTimeOffset? NotBefore, DateTimeOffset? NotAfter);

public sealed record GrantView(Guid Id, Guid CertificateId, string AgencyCode, string Purpose, DateTimeOffset NotBefore, DateTimeOffset NotAfter, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// What an agency receives under a grant: the certificate and its sealed PDF, each as stored
/// ciphertext with the data key encrypted to the agency's SM2 key, and the bundle's public parts
/// (salt, leaf, proof, anchor) so that, once decrypted, it can be verified like any bundle.
/// </summary>
public sealed record SharedCertificateView(
    Guid GrantId,
    Guid CertificateId,
    string Identifier,
    string Purpose,
    DateTimeOffset NotAfter,
    SharedCiphertext Certificate,
    SharedCiphertext? Document,
    SharedBundleParts Bundle);

public sealed record SharedBundleParts(string Format, string Salt, string HashAlgorithm, string LeafHash, BundleProof Proof, BundleAnchor Anchor);

public sealed record SharingEventView(
    Guid Id, Guid GrantId, Guid CertificateId, string AgencyCode, string Kind, string Actor, string Detail, DateTimeOffset At, string EntryHash, string CanonicalJson, TrailView? Trail);

/// <summary>Where a trail event is anchored: its inclusion proof and the AuditTrail root's transaction.</summary>
public sealed record TrailView(string Root, int Index, int Size, IReadOnlyList<string> Path, string Contract, string? TransactionHash, long BlockNumber);
