using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// Verifies an inclusion proof exactly as RFC 9162 section 2.1.3.2 prescribes, so proofs made by
/// any conforming implementation (and only valid ones) are accepted.
/// </summary>
public static class InclusionProofVerifier
{
    /// <summary>Computes the root the proof leads to, or null when the proof is malformed for its tree size.</summary>
    public static byte[]? ComputeRoot(MerkleHasher hasher, ReadOnlySpan<byte> leafHash, InclusionProof proof)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(proof);
        if (proof.LeafIndex < 0 || proof.LeafIndex >= proof.TreeSize || leafHash.Length != HashFunctions.DigestSize)
        {
            return null;
        }

        var fn = proof.LeafIndex;
        var sn = proof.TreeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof.Path)
        {
            if (p.Length != r.Length || sn == 0)
            {
                return null;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = hasher.HashChildren(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = hasher.HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 ? r : null;
    }

    /// <summary>True when the proof leads from the leaf hash to exactly this root (a digest of the hash's size).</summary>
    public static bool Verify(MerkleHasher hasher, ReadOnlySpan<byte> leafHash, InclusionProof proof, ReadOnlySpan<byte> root)
    {
        var computed = ComputeRoot(hasher, leafHash, proof);
        return computed is not null && computed.AsSpan().SequenceEqual(root);
    }
}
