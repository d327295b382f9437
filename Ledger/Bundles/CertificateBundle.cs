using System.Text.Json;

namespace TrustLedger.Ledger.Bundles;

/// <summary>
/// A self-contained verification bundle, format <c>trustledger.bundle.v1</c> (schema:
/// certificate-bundle.v1.schema.json beside this file). With it and a chain RPC endpoint anyone can
/// recompute the leaf, walk the proof to the root and find the root's anchor on chain.
/// </summary>
public sealed record CertificateBundle(
    string Format,
    JsonElement Certificate,
    string Salt,
    string HashAlgorithm,
    string LeafHash,
    BundleProof Proof,
    BundleAnchor Anchor)
{
    public const string FormatV1 = "trustledger.bundle.v1";
}

/// <summary>The RFC 9162 inclusion proof of the certificate's leaf; hashes are lowercase hex without 0x.</summary>
public sealed record BundleProof(long LeafIndex, long TreeSize, IReadOnlyList<string> Path, string Root);

/// <summary>Where the root was anchored: chain, contracts and the anchoring transaction.</summary>
public sealed record BundleAnchor(long ChainId, string Contract, string Registry, string TransactionHash, ulong BlockNumber);
