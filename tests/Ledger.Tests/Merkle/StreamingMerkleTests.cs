using System.Security.Cryptography;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Tests.Ledger.Merkle;

/// <summary>The streaming root and the file-backed proofs agree with the in-memory RFC 9162 tree for every size and index.</summary>
public class StreamingMerkleTests
{
    private static readonly MerkleHasher Hasher = new(Sm3HashFunction.Instance);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(1023)]
    public void Streaming_root_and_file_proofs_equal_the_in_memory_tree(int size)
    {
        var leaves = Enumerable.Range(0, size).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        var tree = MerkleTree.Build(Hasher, leaves);
        var streaming = new StreamingMerkleRoot(Hasher);
        var path = Path.GetTempFileName();
        try
        {
            using (var file = File.Create(path))
            {
                foreach (var leaf in leaves)
                {
                    streaming.Add(leaf);
                    file.Write(leaf);
                }
            }

            Assert.Equal(tree.Root, streaming.Root());
            var leafFile = new LeafFile(path, Hasher);
            foreach (var index in new[] { 0, size / 2, size - 1 }.Distinct())
            {
                var proof = leafFile.Prove(index);
                Assert.Equal(tree.ProveInclusion(index).Path, proof.Path);
                Assert.True(InclusionProofVerifier.Verify(Hasher, leaves[index], proof, tree.Root));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void No_leaves_have_no_root() => Assert.Null(new StreamingMerkleRoot(Hasher).Root());
}
