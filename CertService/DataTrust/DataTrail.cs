using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// Writes and checks a resource's data-sharing trail: entries numbered 1, 2, 3… per resource, each
/// carrying the previous entry's hash. A list of entries is complete for a span when the numbers
/// run without a gap and every link holds from the entry before the span to the entry after it.
/// </summary>
public static class DataTrail
{
    public const string Kind = "trustledger.data-trail.v1";

    public static async Task<DataTrailEntryRecord> AppendAsync(
        CertificateStore store, DataSharingRequestRecord request, string kind, string actor, string detail, DateTimeOffset at, CancellationToken cancellationToken,
        int? version = null, string? dataHash = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var previous = store.DataTrail.Local.Where(e => e.ResourceCode == request.ResourceCode).MaxBy(e => e.Sequence)
            ?? await store.DataTrail.AsNoTracking().Where(e => e.ResourceCode == request.ResourceCode).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var entry = new DataTrailEntryRecord
        {
            Id = Guid.CreateVersion7(at),
            ResourceCode = request.ResourceCode,
            Sequence = (previous?.Sequence ?? 0) + 1,
            Kind = kind,
            RequestId = request.Id,
            Consumer = request.Consumer,
            Version = version,
            DataHash = dataHash,
            Detail = detail,
            Actor = actor,
            At = at,
            PrevHash = previous?.EntryHash ?? new byte[HashFunctions.DigestSize],
            EntryHash = [],
        };
        entry.EntryHash = LeafOf(entry);
        store.DataTrail.Add(entry);
        return entry;
    }

    public static string CanonicalJson(DataTrailEntryRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["format"] = Kind,
            ["resource"] = e.ResourceCode,
            ["sequence"] = e.Sequence,
            ["kind"] = e.Kind,
            ["requestId"] = e.RequestId.ToString(),
            ["consumer"] = e.Consumer,
            ["version"] = e.Version,
            ["dataHash"] = e.DataHash,
            ["detail"] = e.Detail,
            ["actor"] = e.Actor,
            ["at"] = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["prevHash"] = Convert.ToHexStringLower(e.PrevHash),
        })));
    }

    public static byte[] LeafOf(DataTrailEntryRecord entry) =>
        new MerkleHasher(Sm3HashFunction.Instance).HashLeaf(Encoding.UTF8.GetBytes(CanonicalJson(entry)));

    /// <summary>What is wrong with the chain from <paramref name="entries"/>' first to last entry (ordered by sequence); empty when it holds.</summary>
    public static List<string> ChainProblems(IReadOnlyList<DataTrailEntryRecord> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!LeafOf(entry).AsSpan().SequenceEqual(entry.EntryHash))
            {
                problems.Add($"entry {entry.Sequence} does not hash to its recorded hash: it was altered");
            }

            if (i > 0)
            {
                var previous = entries[i - 1];
                if (entry.Sequence != previous.Sequence + 1)
                {
                    problems.Add($"entries {previous.Sequence + 1}–{entry.Sequence - 1} are missing");
                }
                else if (!entry.PrevHash.AsSpan().SequenceEqual(previous.EntryHash))
                {
                    problems.Add($"entry {entry.Sequence} does not link to entry {previous.Sequence}");
                }
            }
        }

        return problems;
    }
}
