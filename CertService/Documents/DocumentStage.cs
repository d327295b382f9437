using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.Documents;

/// <summary>
/// The documents step: render each accepted certificate to PDF, seal it with the department's
/// active seal, store it encrypted, and compute the leaf over the certificate plus the PDF's hash
/// and seal code. Rendering happens here rather than in the request so a 10,000-row import stays
/// an import; a certificate is batched only once its leaf exists.
/// </summary>
/// <remarks>
/// One certificate that cannot be rendered (its type's schema, its stored data) is retried with
/// backoff and, after <see cref="AnchoringOptions.MaxAttempts"/> failures, quarantined with the
/// reason; it never holds back the others. What fails for every certificate (fonts missing, the
/// database gone) fails the step instead, which the pipeline retries, so no certificate is blamed for
/// it. A department whose seals cannot sign now (suspended, unreadable) has its documents wait:
/// they are never sealed unsealed.
/// </remarks>
public sealed class DocumentStage(
    CertificateStore store,
    CertificateVault vault,
    DepartmentSeals seals,
    LeasedDepartments leased,
    PipelineSignals signals,
    PipelineHealth health,
    IOptions<DocumentOptions> options,
    IOptions<AnchoringOptions> anchoring,
    TimeProvider time,
    ILogger<DocumentStage> logger) : IPipelineStep
{
    public const int Chunk = 200;

    public string Name => PipelineSteps.Documents;

    public async Task<StepPass> RunAsync(CancellationToken cancellationToken)
    {
        var departments = (await leased.HeldAsync(cancellationToken)).Select(d => d.CreditCode).ToList();
        if (departments.Count == 0)
        {
            return StepPass.Idle;
        }

        var (done, blocked) = await SealAsync(Chunk, departments, cancellationToken);
        health.For(Name).Note = blocked;
        if (done > 0)
        {
            signals.Nudge(PipelineSteps.Batches);
        }

        var now = time.GetUtcNow();
        var waiting = await Waiting(departments, now).CountAsync(cancellationToken);
        return new StepPass(done, waiting);
    }

    /// <summary>Seals up to <paramref name="max"/> waiting certificates of any department; returns how many it sealed.</summary>
    public async Task<int> SealWaitingAsync(int max, CancellationToken cancellationToken) =>
        (await SealAsync(max, null, cancellationToken)).Done;

    private IQueryable<CertificateRecord> Waiting(IReadOnlyList<string>? departments, DateTimeOffset now)
    {
        var waiting = store.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Pending && c.LeafHash == null && (c.RetryAfter == null || c.RetryAfter <= now));
        return departments is null ? waiting : waiting.Where(c => departments.Contains(c.IssuerCode));
    }

    private async Task<(int Done, string? Blocked)> SealAsync(int max, IReadOnlyList<string>? departments, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = departments ?? await Waiting(null, now).Select(c => c.IssuerCode).Distinct().ToListAsync(cancellationToken);

        // Each department's seal first, each on its own: one whose seal cannot sign now (or cannot even
        // be read) waits alone, and its backlog is never picked, so it never holds back the others.
        var choices = new Dictionary<string, SealChoice>(StringComparer.Ordinal);
        foreach (var department in candidates)
        {
            try
            {
                choices[department] = await seals.ChooseAsync(store, department, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or InvalidDataException or FormatException or ArgumentException)
            {
                choices[department] = new SealChoice(null, $"department {department}'s seal cannot be read: {PipelineHealth.Describe(ex)}");
            }
        }

        var able = choices.Where(c => !c.Value.MustWait).Select(c => c.Key).ToList();
        var blocked = choices.Values.FirstOrDefault(c => c.MustWait)?.WaitReason;
        if (able.Count == 0)
        {
            return (0, blocked);
        }

        var ready = await Waiting(able, now).OrderBy(c => c.AcceptedAt).ThenBy(c => c.Id).Take(max).ToListAsync(cancellationToken);
        if (ready.Count == 0)
        {
            return (0, blocked);
        }

        // Missing fonts fail every document alike: the step's failure, not any certificate's.
        DocumentFonts.Install(options.Value);
        var types = new Dictionary<(string, int), CertificateTypeRecord?>();
        foreach (var record in ready)
        {
            var typeKey = (record.TypeCode, record.TypeVersion);
            if (!types.ContainsKey(typeKey))
            {
                types[typeKey] = await store.CertificateTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Code == record.TypeCode && t.Version == record.TypeVersion, cancellationToken);
            }
        }

        // Rendering, sealing and encrypting are CPU work with no shared state: one document per core.
        // The database is written afterwards, in order, on this stage's own context.
        var results = new Rendered[ready.Count];
        await Parallel.ForAsync(0, ready.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var record = ready[i];
            try
            {
                var type = types[(record.TypeCode, record.TypeVersion)] ?? throw new InvalidOperationException($"type {record.TypeCode} version {record.TypeVersion} is not defined");
                results[i] = new Rendered(record, await RenderAsync(record, type, choices[record.IssuerCode].Seal, ct), null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[i] = new Rendered(record, null, PipelineHealth.Describe(ex));
            }
        });

        var done = 0;
        foreach (var result in results)
        {
            if (result.Document is { } document)
            {
                done += await StoreAsync(document, cancellationToken) ? 1 : 0;
            }
            else
            {
                await RecordFailureAsync(result.Record, result.Failure!, cancellationToken);
            }
        }

        return (done, blocked);
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
                    .SetProperty(c => c.LeafHash, document.Leaf)
                    .SetProperty(c => c.FailedAttempts, 0)
                    .SetProperty(c => c.LastFailure, (string?)null)
                    .SetProperty(c => c.RetryAfter, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }

    // The certificate waits (backoff), and after too many failures in a row is quarantined with its reason.
    private async Task RecordFailureAsync(CertificateRecord record, string failure, CancellationToken cancellationToken)
    {
        var attempts = record.FailedAttempts + 1;
        var quarantined = attempts >= anchoring.Value.MaxAttempts;
        var retryAfter = time.GetUtcNow() + Backoff.After(attempts, anchoring.Value);
        await store.Certificates.Where(c => c.Id == record.Id && c.Status == CertificateStatus.Pending && c.LeafHash == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.FailedAttempts, attempts)
                    .SetProperty(c => c.LastFailure, failure)
                    .SetProperty(c => c.RetryAfter, (DateTimeOffset?)retryAfter)
                    .SetProperty(c => c.Status, quarantined ? CertificateStatus.Failed : CertificateStatus.Pending),
                cancellationToken);
        if (quarantined)
        {
            logger.CertificateQuarantined(record.Id, attempts, failure);
        }
        else
        {
            logger.DocumentFailed(record.Id, attempts, failure);
        }
    }

    private sealed record SealedDocument(Guid Id, byte[] SealedCertificate, byte[] SealedPdf, byte[] DocumentHash, string? SealCode, byte[] Leaf);

    private sealed record Rendered(CertificateRecord Record, SealedDocument? Document, string? Failure);
}
