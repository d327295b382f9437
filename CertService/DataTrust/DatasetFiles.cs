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

    /// <summary>The suffix of a version's files while it is prepared and not yet on chain: its record's id.</summary>
    public static string DraftSuffix(Guid versionId) => $".{versionId:N}.draft";

    /// <summary>A prepared version reached the chain: its drafts become its files.</summary>
    /// <summary>The drafts become the version's files; a draft already moved (a reconciliation settled the version first) is left as it is.</summary>
    public static void Keep(string leavesPath, string contentsPath, string draft)
    {
        // Block roots of whatever file held this name before belong to that file.
        File.Delete(leavesPath + Ledger.Merkle.LeafFile.BlockRootsSuffix);
        foreach (var path in new[] { leavesPath, contentsPath })
        {
            if (File.Exists(path + draft))
            {
                File.Move(path + draft, path, overwrite: true);
            }
        }
    }
}
