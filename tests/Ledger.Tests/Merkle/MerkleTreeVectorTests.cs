using Nethereum.Hex.HexConvertors.Extensions;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Tests.Ledger.Merkle;

/// <summary>The SHA-256 reference vectors of Certificate Transparency's Merkle tree tests (RFC 6962/9162 hashing).</summary>
public class MerkleTreeVectorTests
{
    private static readonly string[] Leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [InlineData(4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")]
    [InlineData(6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")]
    [InlineData(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Roots_match_the_certificate_transparency_vectors(int size, string expectedRoot)
    {
        var hasher = new MerkleHasher(Sha256HashFunction.Instance);
        var leafHashes = Leaves.Take(size).Select(l => hasher.HashLeaf(l.HexToByteArray())).ToList();

        var tree = MerkleTree.Build(hasher, leafHashes);

        Assert.Equal(expectedRoot, tree.Root.ToHex());
    }

    [Fact]
    public void An_empty_tree_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MerkleTree.Build(new MerkleHasher(Sm3HashFunction.Instance), []));
    }
}
