using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Batches;

/// <summary>
/// Issues a stream of rows: each is validated and identified exactly as a single issuance; valid
/// ones are stored, invalid ones reported. Rows are written in chunks with the change tracker
/// cleared after each, so memory does not grow with the input; all rows commit in one transaction
/// (an oversized batch stores nothing).
/// </summary>
public sealed class BatchIssuer(CertificateIssuer issuer, AnchoringTrigger trigger)
{
    public const int MaxRows = 10_000;
    private const int ChunkSize = 500;

    public async Task<BatchReport?> IssueAsync(
        CertificateStore store, Department department, IAsyncEnumerable<BatchRow> rows, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(rows);
        var own = store.Database.CurrentTransaction is null ? await store.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var report = new List<BatchRowReport>();
            var types = new TypeCache();
            var unsaved = 0;
            var accepted = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (row.Row > MaxRows)
                {
                    return null;
                }

                if (row.Request is null)
                {
                    report.Add(Rejected(row.Row, row.ReadErrors, language));
                    continue;
                }

                var outcome = await issuer.PrepareAsync(store, department, row.Request, types, cancellationToken);
                if (!outcome.Succeeded)
                {
                    report.Add(Rejected(row.Row, outcome.SealWaitReason is null ? outcome.Errors : [new FieldError("document", ErrorCodes.SealUnavailable)], language));
                    continue;
                }

                var certificate = outcome.Certificate!;
                report.Add(new BatchRowReport(row.Row, "accepted", certificate.Id, certificate.Identifier, null));
                accepted++;
                if (++unsaved >= ChunkSize)
                {
                    await store.SaveChangesAsync(cancellationToken);
                    store.ChangeTracker.Clear();
                    unsaved = 0;
                }
            }

            await store.SaveChangesAsync(cancellationToken);
            store.ChangeTracker.Clear();
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            for (var i = 0; i < accepted; i++)
            {
                trigger.LeafAccepted();
            }

            return new BatchReport(report.Count, accepted, report.Count - accepted, report);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static BatchRowReport Rejected(int row, IReadOnlyList<FieldError> errors, string language) =>
        new(row, "rejected", null, null, errors.Select(e => new BatchFieldError(e.Field, e.Code, ErrorCatalog.Message(e, language))).ToList());
}
