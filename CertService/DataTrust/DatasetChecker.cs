using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Data;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// Compares a received file with an anchored version, row by row, without loading either whole: the
/// upload's leaves (with the version's salts) against the leaf file. Same length: the differing
/// positions are changed rows. Different length: rows are matched by content digest, which tells
/// added rows (in the upload only) from removed ones (in the version only).
/// </summary>
public static class DatasetChecker
{
    public const int MaxListed = 100;

    /// <summary>Rows an upload may have beyond the version's before the check refuses it (memory stays proportional to the version).</summary>
    public const int MaxExtraRows = 100_000;

    public static async Task<(long Uploaded, byte[] UploadedRoot, List<long> Changed, List<long> Added, List<long> Removed)> CompareAsync(
        DatasetVersionRecord version, DatasetReader reader, byte[]? saltSecret, DatasetFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(files);
        var root = new StreamingMerkleRoot(DatasetFiles.Hasher);
        var positional = new List<long>();
        var uploadDigests = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        await using (var leaves = new BufferedStream(File.OpenRead(files.Leaves(version.ResourceCode, version.Version)), 1 << 16))
        {
            var anchored = new byte[HashFunctions.DigestSize];
            await foreach (var row in reader.RowsAsync(cancellationToken))
            {
                var index = root.Count;
                if (index >= version.RowCount + MaxExtraRows)
                {
                    // The digests kept for matching grow with the upload: bounded by the version, not by the caller.
                    throw new DatasetFormatException(index + 1, $"the file has more than {MaxExtraRows} rows beyond the version's {version.RowCount}; it is not a copy of it");
                }

                var leaf = DatasetRow.Leaf(DatasetFiles.Hasher, saltSecret is null ? [] : DatasetRow.Salt(saltSecret, index), row);
                root.Add(leaf);
                if (index < version.RowCount)
                {
                    leaves.ReadExactly(anchored);
                    if (!anchored.AsSpan().SequenceEqual(leaf))
                    {
                        positional.Add(index);
                    }
                }

                var digest = Convert.ToHexString(DatasetRow.ContentDigest(row));
                if (!uploadDigests.TryGetValue(digest, out var at))
                {
                    uploadDigests[digest] = at = [];
                }

                at.Add(index);
            }
        }

        var uploaded = root.Count;
        var uploadedRoot = root.Root() ?? new byte[HashFunctions.DigestSize];
        if (uploaded == version.RowCount)
        {
            return (uploaded, uploadedRoot, positional, [], []);
        }

        // Different lengths: rows shifted, so match them by content.
        var removed = new List<long>();
        await using (var contents = new BufferedStream(File.OpenRead(files.Contents(version.ResourceCode, version.Version)), 1 << 16))
        {
            var digest = new byte[HashFunctions.DigestSize];
            for (long i = 0; i < version.RowCount; i++)
            {
                contents.ReadExactly(digest);
                var key = Convert.ToHexString(digest);
                if (uploadDigests.TryGetValue(key, out var at) && at.Count > 0)
                {
                    at.RemoveAt(0);
                }
                else
                {
                    removed.Add(i);
                }
            }
        }

        var added = uploadDigests.Values.SelectMany(v => v).Order().ToList();
        return (uploaded, uploadedRoot, [], added, removed);
    }
}
