using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// Step 0 of anchoring: render each accepted certificate to PDF, seal it with the department's
/// active seal, store it encrypted, and compute the leaf over the certificate plus the PDF's hash
/// and seal code. Rendering happens here rather than in the request so a 10,000-row import stays
/// an import; a certificate is batched only once its leaf exists.
/// </summary>
public sealed class DocumentStage(CertificateStore store, CertificateVault vault, DepartmentSeals seals, IOptions<DocumentOptions> options, TimeProvider time)
{
    /// <summary>Seals up to <paramref name="max"/> waiting certificates; returns how many it sealed.</summary>
    public async Task<int> SealWaitingAsync(int max, CancellationToken cancellationToken)
    {
        var waiting = await store.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Pending && c.LeafHash == null)
            .OrderBy(c => c.AcceptedAt)
            .ThenBy(c => c.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        DocumentFonts.Install(options.Value);
        var types = new Dictionary<(string, int), CertificateTypeRecord>();
        var departmentSeals = new Dictionary<string, ActiveSeal?>(StringComparer.Ordinal);
        foreach (var record in waiting)
        {
            var typeKey = (record.TypeCode, record.TypeVersion);
            if (!types.ContainsKey(typeKey))
            {
                types[typeKey] = await store.CertificateTypes.AsNoTracking().SingleAsync(t => t.Code == record.TypeCode && t.Version == record.TypeVersion, cancellationToken);
            }

            if (!departmentSeals.ContainsKey(record.IssuerCode))
            {
                departmentSeals[record.IssuerCode] = await seals.ActiveSealAsync(store, record.IssuerCode, cancellationToken);
            }
        }

        // Rendering, sealing and encrypting are CPU work with no shared state: one document per core.
        // The database is written afterwards, in order, on this stage's own context.
        var sealedDocuments = new SealedDocument[waiting.Count];
        await Parallel.ForAsync(0, waiting.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var record = waiting[i];
            sealedDocuments[i] = await RenderAsync(record, types[(record.TypeCode, record.TypeVersion)], departmentSeals[record.IssuerCode], ct);
        });

        var done = 0;
        foreach (var document in sealedDocuments)
        {
            done += await StoreAsync(document, cancellationToken) ? 1 : 0;
        }

        return done;
    }

    private async Task<SealedDocument> RenderAsync(CertificateRecord record, CertificateTypeRecord type, ActiveSeal? seal, CancellationToken cancellationToken)
    {
        var issued = await vault.OpenAsync(record, cancellationToken);
        byte[] pdf;
        using (var certificate = JsonDocument.Parse(issued))
        {
            var link = VerificationLink.For(options.Value.VerifierPublicUrl, record.Id, record.Salt);
            var signer = seal is null ? null : new SealSigner(seal, "certificate:" + record.Identifier, time.GetUtcNow());
            pdf = CertificatePdf.Render(certificate.RootElement, type, link, signer, seal?.Picture);
        }

        var hash = HashFunctions.ByName(record.HashAlgorithm);
        var documentHash = hash.Hash(pdf);
        var anchored = CertificateDocument.WithDocument(issued, Convert.ToHexStringLower(documentHash), hash.Name, seal?.Code);
        return new SealedDocument(
            record.Id,
            await vault.SealAsync(record.IssuerCode, record.Id, anchored, cancellationToken),
            await vault.SealDocumentAsync(record.IssuerCode, record.Id, pdf, cancellationToken),
            documentHash,
            seal?.Code,
            CertificateLeaf.Hash(new MerkleHasher(hash), record.Salt, Encoding.UTF8.GetBytes(anchored)));
    }

    private async Task<bool> StoreAsync(SealedDocument document, CancellationToken cancellationToken)
    {
        // Conditional on the leaf still being unset: a second worker racing on the same row changes nothing.
        var updated = await store.Certificates
            .Where(c => c.Id == document.Id && c.LeafHash == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.SealedCertificate, document.SealedCertificate)
                    .SetProperty(c => c.SealedDocument, document.SealedPdf)
                    .SetProperty(c => c.DocumentHash, document.DocumentHash)
                    .SetProperty(c => c.SealCode, document.SealCode)
                    .SetProperty(c => c.LeafHash, document.Leaf),
                cancellationToken);
        return updated == 1;
    }

    private sealed record SealedDocument(Guid Id, byte[] SealedCertificate, byte[] SealedPdf, byte[] DocumentHash, string? SealCode, byte[] Leaf);
}
