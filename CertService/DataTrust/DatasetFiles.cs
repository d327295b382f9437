using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.DataTrust;

/// <summary>Where a version's files are: leaf hashes (for proofs) and content digests (off chain, to locate moved rows).</summary>
public sealed class DatasetFiles(IOptions<DataTrustOptions> options)
{
    public static readonly MerkleHasher Hasher = new(Sm3HashFunction.Instance);

    public string Folder(string resource) => Path.Combine(Path.GetFullPath(options.Value.Directory), resource);

    public string Leaves(string resource, int version) => Path.Combine(Folder(resource), $"v{version}.leaves");

    public string Contents(string resource, int version) => Path.Combine(Folder(resource), $"v{version}.contents");

    public LeafFile LeafFile(string resource, int version) => new(Leaves(resource, version), Hasher);
}
