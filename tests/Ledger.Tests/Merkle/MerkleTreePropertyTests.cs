using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Tests.Ledger.Merkle;

public class MerkleTreePropertyTests
{
    private static readonly MerkleHasher Sm3 = new(Sm3HashFunction.Instance);

    private static List<byte[]> LeafHashes(int size, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, size).Select(_ =>
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            return Sm3.HashLeaf(data);
        }).ToList();
    }

    private static Arbitrary<int> Sizes => Gen.Choose(1, 5000).ToArbitrary();

    [Property(MaxTest = 40)]
    public Property Every_leaf_proof_verifies_and_is_at_most_ceil_log2_n_hashes(int seed) =>
        Prop.ForAll(Sizes, size =>
        {
            var leaves = LeafHashes(size, seed);
            var tree = MerkleTree.Build(Sm3, leaves);
            var maxPath = size == 1 ? 0 : (int)Math.Ceiling(Math.Log2(size));
            for (var i = 0; i < size; i++)
            {
                var proof = tree.ProveInclusion(i);
                if (proof.Path.Count > maxPath || !InclusionProofVerifier.Verify(Sm3, leaves[i], proof, tree.Root))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 200)]
    public Property Any_changed_byte_in_leaf_path_or_root_fails(int seed) =>
        Prop.ForAll(Sizes, size =>
        {
            var random = new Random(seed);
            var leaves = LeafHashes(size, seed);
            var tree = MerkleTree.Build(Sm3, leaves);
            var index = random.Next(size);
            var proof = tree.ProveInclusion(index);

            var leaf = (byte[])leaves[index].Clone();
            leaf[random.Next(leaf.Length)] ^= (byte)random.Next(1, 256);
            var root = (byte[])tree.Root.Clone();
            root[random.Next(root.Length)] ^= (byte)random.Next(1, 256);

            var leafCaught = !InclusionProofVerifier.Verify(Sm3, leaf, proof, tree.Root);
            var rootCaught = !InclusionProofVerifier.Verify(Sm3, leaves[index], proof, root);
            var pathCaught = true;
            if (proof.Path.Count > 0)
            {
                var path = proof.Path.Select(p => (byte[])p.Clone()).ToList();
                var step = random.Next(path.Count);
                path[step][random.Next(32)] ^= (byte)random.Next(1, 256);
                pathCaught = !InclusionProofVerifier.Verify(Sm3, leaves[index], proof with { Path = path }, tree.Root);
            }

            return leafCaught && rootCaught && pathCaught;
        });

    [Property(MaxTest = 100)]
    public Property Root_equals_the_recursive_RFC_9162_definition(int seed) =>
        Prop.ForAll(Gen.Choose(1, 300).ToArbitrary(), size =>
        {
            var leaves = LeafHashes(size, seed);
            return MerkleTree.Build(Sm3, leaves).Root.AsSpan().SequenceEqual(ReferenceRoot(leaves));
        });

    [Theory]
    [InlineData(8, 3, 3, 9)]
    [InlineData(7, 6, 5, 7)]
    [InlineData(1, 0, 0, 2)]
    [InlineData(8, 3, 8, 8)]
    [InlineData(5, 4, -1, 5)]
    // Note: a path does not always bind the tree size by itself (leaf 3 has the same path in trees of
    // 7 and 8 leaves); the on-chain leaf count does, and the Verifier checks it against the proof.
    public void A_proof_claiming_another_index_or_tree_size_is_refused(int size, int index, int claimedIndex, int claimedSize)
    {
        var leaves = LeafHashes(size, 7);
        var tree = MerkleTree.Build(Sm3, leaves);
        var claim = tree.ProveInclusion(index) with { LeafIndex = claimedIndex, TreeSize = claimedSize };

        Assert.False(InclusionProofVerifier.Verify(Sm3, leaves[index], claim, tree.Root));
    }

    // MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two smaller than n.
    private static byte[] ReferenceRoot(List<byte[]> leaves)
    {
        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var k = 1;
        while (k * 2 < leaves.Count)
        {
            k *= 2;
        }

        return Sm3.HashChildren(ReferenceRoot(leaves[..k]), ReferenceRoot(leaves[k..]));
    }
}
