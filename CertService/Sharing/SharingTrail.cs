using System.Globalization;
using System.Text.Json;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// Writes the sharing trail: every grant, revocation and access (served or refused) becomes an
/// event whose SM3 leaf hash (over its canonical JSON) is later anchored in AuditTrail. Events carry
/// ids, codes and times only: the holder appears as a pseudonym, never by name or ID number.
/// </summary>
public static class SharingTrail
{
    public const string Kind = "trustledger.sharing.v1";

    public static SharingEventRecord Record(CertificateStore store, SharingGrantRecord grant, string kind, string actor, string detail, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(grant);
        var id = Guid.CreateVersion7(at);
        var entry = new SharingEventRecord
        {
            Id = id,
            GrantId = grant.Id,
            CertificateId = grant.CertificateId,
            AgencyCode = grant.AgencyCode,
            Kind = kind,
            Actor = actor,
            Detail = detail,
            At = at,
            EntryHash = [],
        };
        entry.EntryHash = LeafOf(entry);
        store.SharingEvents.Add(entry);
        return entry;
    }

    /// <summary>The event as hashed: RFC 8785 canonical JSON of its fields.</summary>
    public static string CanonicalJson(SharingEventRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["format"] = Kind,
            ["id"] = entry.Id.ToString(),
            ["grantId"] = entry.GrantId.ToString(),
            ["certificateId"] = entry.CertificateId.ToString(),
            ["agencyCode"] = entry.AgencyCode,
            ["kind"] = entry.Kind,
            ["actor"] = entry.Actor,
            ["detail"] = entry.Detail,
            ["at"] = entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        });
        return JsonCanonicalizer.CanonicalString(json);
    }

    public static byte[] LeafOf(SharingEventRecord entry) =>
        new MerkleHasher(Sm3HashFunction.Instance).HashLeaf(System.Text.Encoding.UTF8.GetBytes(CanonicalJson(entry)));

    /// <summary>A holder's pseudonym in the trail: the first 64 bits of their keyed lookup hash.</summary>
    public static string HolderPseudonym(byte[] holderHash) => "holder:" + Convert.ToHexStringLower(holderHash)[..16];
}
