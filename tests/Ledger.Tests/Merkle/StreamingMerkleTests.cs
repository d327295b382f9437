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
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(2048)]
    [InlineData(3000)]
    [InlineData(5121)]
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
            foreach (var index in new[] { 0, 1, size / 2, size - 1, Math.Min(1024, size - 1), Math.Max(0, size - 1025) }.Where(i => i < size).Distinct())
            {
                var proof = leafFile.Prove(index);
                Assert.Equal(tree.ProveInclusion(index).Path, proof.Path);
                Assert.True(InclusionProofVerifier.Verify(Hasher, leaves[index], proof, tree.Root));
            }
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + LeafFile.BlockRootsSuffix);
        }
    }

    [Fact]
    public void A_proof_from_a_large_file_reads_blocks_not_the_whole_file()
    {
        // 64 blocks of leaves; once the block roots exist, corrupting a leaf far from the proven one
        // changes no proof that does not cover it, which shows the proof no longer rehashes the file.
        const int size = 64 * LeafFile.BlockLeaves;
        var leaves = Enumerable.Range(0, size).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        var tree = MerkleTree.Build(Hasher, leaves);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, leaves.SelectMany(l => l).ToArray());
            var leafFile = new LeafFile(path, Hasher);
            Assert.Equal(tree.ProveInclusion(5).Path, leafFile.Prove(5).Path);
            Assert.True(File.Exists(path + LeafFile.BlockRootsSuffix));
            Assert.Equal(64 * 32, new FileInfo(path + LeafFile.BlockRootsSuffix).Length);

            using (var file = File.OpenWrite(path))
            {
                file.Position = (size - 10) * 32L;
                file.Write(new byte[32]);
            }

            Assert.Equal(tree.ProveInclusion(7).Path, new LeafFile(path, Hasher).Prove(7).Path);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + LeafFile.BlockRootsSuffix);
        }
    }

    [Fact]
    public void No_leaves_have_no_root() => Assert.Null(new StreamingMerkleRoot(Hasher).Root());
}
