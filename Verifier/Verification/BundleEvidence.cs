using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Verifier.Verification;

/// <summary>What the checks of one verification share: the parsed bundle and the chain facts found so far.</summary>
public sealed class BundleEvidence(CertificateBundle bundle, IHashFunction hash, byte[] leafHash, byte[] root, InclusionProof proof)
{
    public CertificateBundle Bundle { get; } = bundle;

    public IHashFunction Hash { get; } = hash;

    /// <summary>The leaf hash the bundle claims.</summary>
    public byte[] ClaimedLeafHash { get; } = leafHash;

    public byte[] Root { get; } = root;

    public InclusionProof Proof { get; } = proof;

    public MerkleHasher Hasher { get; } = new(hash);

    /// <summary>The root's anchor on the trusted contract; set by the anchor check.</summary>
    public AnchorStruct? Anchor { get; set; }

    /// <summary>The uploaded PDF when verifying a document; null for a bundle alone.</summary>
    public byte[]? Document { get; set; }

    /// <summary>
    /// The time the question is about: "was it valid then?" Set by whoever asks (the API, the citizen
    /// page, the CLI): the caller's time, or now by the asker's <see cref="TimeProvider"/>.
    /// </summary>
    public DateTimeOffset At { get; set; }

    /// <summary>
    /// Whether the caller named the time. When not, "now" cannot lie before an anchor the chain
    /// already holds, whatever this machine's clock says (it may run behind the block timestamps).
    /// </summary>
    public bool AtWasAsked { get; set; }

    /// <summary>The certificate's status at <see cref="At"/>, set by the status check.</summary>
    public string? Status { get; set; }

    /// <summary>What the document's embedded signature proved; set by the document-signature check.</summary>
    public DocumentSeal? Seal { get; set; }

    /// <summary>The <c>document</c> member the anchored certificate carries (hash and seal code), if any.</summary>
    public System.Text.Json.JsonElement? DocumentBinding =>
        Bundle.Certificate.ValueKind == System.Text.Json.JsonValueKind.Object && Bundle.Certificate.TryGetProperty("document", out var binding)
        && binding.ValueKind == System.Text.Json.JsonValueKind.Object ? binding : null;

    /// <summary>The <c>dataSeal</c> member of a data-only certificate, if any.</summary>
    public System.Text.Json.JsonElement? DataSealBinding =>
        Bundle.Certificate.ValueKind == System.Text.Json.JsonValueKind.Object && Bundle.Certificate.TryGetProperty(DataSeal.Member, out var binding) ? binding : null;

    /// <summary>
    /// The seal whose checks apply: the signed PDF's when a document is verified, the data seal's
    /// for a data-only certificate; none otherwise.
    /// </summary>
    public string? SealCode => Document is not null
        ? DocumentBinding is { } document && document.TryGetProperty("sealCode", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String ? code.GetString() : null
        : DataSealBinding is { } data && data.ValueKind == System.Text.Json.JsonValueKind.Object && data.TryGetProperty("code", out var dataCode)
            && dataCode.ValueKind == System.Text.Json.JsonValueKind.String ? dataCode.GetString() : null;

    /// <summary>Whether the seal checks have a seal to judge: a verified PDF, or a data seal.</summary>
    public bool HasSealToCheck => Document is not null || DataSealBinding is not null;

    public string? CertificateString(string property) =>
        Bundle.Certificate.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;

    public string? IssuerCode =>
        Bundle.Certificate.TryGetProperty("issuer", out var issuer) && issuer.ValueKind == System.Text.Json.JsonValueKind.Object
        && issuer.TryGetProperty("code", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String ? code.GetString() : null;
}
