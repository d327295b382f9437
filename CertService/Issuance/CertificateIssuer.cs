using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Lifecycle;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.CertService.Types;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Identifiers;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Turns a request into a certificate record: validates it against its type, checks a renewal's
/// link, assigns the GB/T 36904 identifier from the serial counter (<see cref="SerialAllocator"/>), canonicalises, salts and
/// stores it encrypted. The document stage later renders and seals the PDF and computes the leaf;
/// a data-only certificate is sealed here (<see cref="DataSeal"/>) and its leaf is known at once.
/// The record is added to the store only when the request is valid and the department holds the type; the caller commits.
/// </summary>
public sealed class CertificateIssuer(
    CertificateTypeCatalog types, HolderLookup holders, CertificateVault vault, DepartmentSeals seals, SerialAllocator serials, TypeGrants grants, IOptions<AnchoringOptions> anchoring, TimeProvider time)
{
    // Certificates are dated in China Standard Time, whatever the server's zone.
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The reason code of a supersession by renewal.</summary>
    public const ushort SupersededReason = 5;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    public async Task<IssuanceOutcome> PrepareAsync(
        CertificateStore store, Department issuer, IssueCertificateRequest request, TypeCache typeCache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(typeCache);
        var errors = CertificateValidator.ValidateMetadata(request, Today);
        CertificateType? type = null;
        if (!string.IsNullOrWhiteSpace(request.TypeCode))
        {
            type = await typeCache.GetAsync(request.TypeCode, () => types.FindLatestAsync(store, request.TypeCode, cancellationToken));
            if (type is null)
            {
                errors.Add(new FieldError("typeCode", ErrorCodes.TypeUnknown, request.TypeCode));
            }
            else
            {
                CertificateValidator.ValidateAgainstType(request, type, errors);
            }
        }

        var holderHash = request.Holder?.Code is { } code ? holders.Hash(code) : [];
        if (errors.Count == 0 && request.RelatedIdentifier is { } related)
        {
            await CheckRelatedAsync(store, issuer, type!, related, holderHash, errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return new IssuanceOutcome(null, errors);
        }

        // Asked before anything is added to the store, so a refusal leaves nothing behind (not even a renewal's supersession).
        if (!await typeCache.HoldsAsync(type!.Code, () => grants.HoldsAsync(issuer.Account, type.Code)))
        {
            return IssuanceOutcome.NotGranted(type.Code);
        }

        var now = time.GetUtcNow();
        var year = now.ToOffset(ChinaStandardTime).Year;
        var counter = await serials.NextAsync(store, issuer.CreditCode, type!.Code, year, cancellationToken);
        var identifier = CertificateIdentifier.Create(type.Code, issuer.CreditCode, (year * 10_000_000L) + counter, version: 1);
        var id = Guid.CreateVersion7(now);
        var canonical = CertificateDocument.CanonicalJson(id, identifier.ToString(), type, issuer, request, now);
        var salt = RandomNumberGenerator.GetBytes(CertificateLeaf.SaltSize);
        var hash = HashFunctions.ByName(anchoring.Value.HashAlgorithm);
        byte[]? leaf = null;
        string? sealCode = null;
        if (request.IsDataOnly)
        {
            // A department without any seal issues unsealed, as a PDF would be; one whose seals cannot
            // sign now (suspended, expired) issues nothing rather than an unsealed certificate for ever.
            var choice = await seals.RecentChoiceAsync(issuer.CreditCode, cancellationToken);
            if (choice.MustWait)
            {
                return IssuanceOutcome.SealUnavailable(choice.WaitReason!);
            }

            if (choice.Seal is { } seal)
            {
                canonical = DataSeal.Seal(canonical, seal.Code, seal.Key, now);
                sealCode = seal.Code;
            }

            leaf = CertificateLeaf.Hash(new MerkleHasher(hash), salt, Encoding.UTF8.GetBytes(canonical));
        }

        var record = new CertificateRecord
        {
            Id = id,
            Identifier = identifier.ToString(),
            TypeCode = type.Code,
            TypeVersion = type.Version,
            IssuerCode = issuer.CreditCode,
            HolderCodeHash = holderHash,
            ValidFrom = request.ValidFrom!.Value,
            ValidUntil = request.ValidUntil,
            RelatedIdentifier = request.RelatedIdentifier,
            SealedCertificate = await vault.SealAsync(issuer.CreditCode, id, canonical, cancellationToken),
            Salt = salt,
            HashAlgorithm = hash.Name,
            LeafHash = leaf,
            SealCode = sealCode,
            Status = CertificateStatus.Pending,
            AcceptedAt = now,
        };
        store.Certificates.Add(record);
        if (request.RelatedIdentifier is { } replaced)
        {
            // The renewal supersedes the certificate it replaces: recorded on chain like any status change.
            // A certificate already revoked or superseded stays as it is (the request is refused and the renewal still issued).
            var earlier = await store.Certificates.SingleAsync(c => c.Identifier == replaced && c.IssuerCode == issuer.CreditCode, cancellationToken);
            await CertificateTransitions.RequestAsync(store, earlier, CertificateLifecycle.Superseded, SupersededReason, now, "renewal:" + record.Identifier, now, cancellationToken);
        }

        return new IssuanceOutcome(record, []);
    }

    // A renewal or replacement names an earlier certificate of the same department, holder and type family.
    private static async Task CheckRelatedAsync(
        CertificateStore store, Department issuer, CertificateType type, string related, byte[] holderHash, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var earlier = await store.Certificates.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Identifier == related && c.IssuerCode == issuer.CreditCode, cancellationToken);
        if (earlier is null)
        {
            errors.Add(new FieldError("relatedIdentifier", ErrorCodes.RelatedNotFound));
            return;
        }

        if (!earlier.HolderCodeHash.AsSpan().SequenceEqual(holderHash))
        {
            errors.Add(new FieldError("relatedIdentifier", ErrorCodes.RelatedHolderMismatch));
        }

        var earlierType = await store.CertificateTypes.AsNoTracking()
            .SingleAsync(t => t.Code == earlier.TypeCode && t.Version == earlier.TypeVersion, cancellationToken);
        if (earlierType.Family != type.Record.Family)
        {
            errors.Add(new FieldError("relatedIdentifier", ErrorCodes.RelatedFamilyMismatch, earlierType.Family));
        }
    }
}
