using System.Text;
using Nethereum.Hex.HexConvertors.Extensions;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Tests.Ledger.Hashing;

public class HashFunctionTests
{
    // GB/T 32905-2016 appendix A examples and FIPS 180-2 "abc".
    [Theory]
    [InlineData("SM3", "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("SM3", "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    [InlineData("SHA-256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Standard_vectors_hash_to_their_published_digests(string algorithm, string message, string expectedHex)
    {
        Assert.True(HashFunctions.TryByName(algorithm, out var hash));
        Assert.Equal(expectedHex, hash.Hash(Encoding.ASCII.GetBytes(message)).ToHex());
    }

    [Theory]
    [InlineData("sm3", HashAlgorithmId.Sm3)]
    [InlineData("SHA256", HashAlgorithmId.Sha256)]
    public void Names_and_chain_ids_resolve_to_the_same_function(string name, HashAlgorithmId id)
    {
        Assert.True(HashFunctions.TryByName(name, out var byName));
        Assert.Same(HashFunctions.ById(id), byName);
    }

    [Fact]
    public void SM3_runs_on_libcrypto_here_and_agrees_with_BouncyCastle_at_every_length()
    {
        Assert.Equal("OpenSSL", Sm3HashFunction.Implementation);
        var random = new Random(9162);
        var lengths = Enumerable.Range(0, 300).Concat([4095, 4096, 8192, 65_537, 1 << 20]);
        foreach (var length in lengths)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var reference = new byte[32];
            Sm3HashFunction.Reference(data, reference);

            Assert.Equal(reference, Sm3HashFunction.Instance.Hash(data));
        }
    }

    [Fact]
    public void SM3_on_many_threads_at_once_gives_each_message_its_own_digest()
    {
        var messages = Enumerable.Range(0, 2000).Select(i => Encoding.UTF8.GetBytes($"leaf {i} " + new string('x', i % 200))).ToArray();

        var digests = messages.AsParallel().WithDegreeOfParallelism(8).Select(m => Sm3HashFunction.Instance.Hash(m)).ToArray();

        for (var i = 0; i < messages.Length; i++)
        {
            var reference = new byte[32];
            Sm3HashFunction.Reference(messages[i], reference);
            Assert.Equal(reference, digests[i]);
        }
    }

    [Fact]
    public void Unknown_algorithm_names_are_refused()
    {
        Assert.False(HashFunctions.TryByName("MD5", out _));
        Assert.False(HashFunctions.TryByName(null, out _));
    }
}
