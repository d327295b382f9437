namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// An RFC 9162 inclusion proof (audit path): the sibling hashes from the leaf up to the root of a
/// tree of <see cref="TreeSize"/> leaves. Its length is at most ceil(log2 TreeSize).
/// </summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<byte[]> Path);
