using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Lifecycle;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// What the pipeline set aside after too many failures, for administrators: the certificates whose
/// document could not be made, the batches the chain kept refusing for reasons nobody could name, the
/// status changes likewise; each with its reason, and retried on request once the cause is fixed.
/// </summary>
public static class QuarantineApi
{
    public static IEndpointRouteBuilder MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/quarantine").RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration");
        admin.MapGet("/", ListAsync).WithName("ListQuarantined");
        admin.MapPost("/certificates/{id:guid}/retry", RetryCertificateAsync).WithName("RetryQuarantinedCertificate");
        admin.MapPost("/batches/{id:guid}/retry", RetryBatchAsync).WithName("RetryQuarantinedBatch");
        admin.MapPost("/status-changes/{id:guid}/retry", RetryStatusChangeAsync).WithName("RetryQuarantinedStatusChange");
        return app;
    }

    public static async Task<Ok<QuarantineView>> ListAsync(CertificateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var certificates = await store.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Failed).OrderBy(c => c.AcceptedAt)
            .Select(c => new QuarantinedRecord(c.Id, "certificate", c.IssuerCode, c.Identifier, c.FailedAttempts, c.LastFailure)).ToListAsync(cancellationToken);
        var batches = await store.Batches.AsNoTracking().Where(b => b.State == AnchorBatchState.Failed).OrderBy(b => b.PreparedAt)
            .Select(b => new QuarantinedRecord(b.Id, "batch", b.IssuerCode, null, b.FailedAttempts, b.LastFailure)).ToListAsync(cancellationToken);
        var changes = await store.StatusChanges.AsNoTracking().Where(c => c.State == StatusChangeStates.Failed && c.FailedAttempts > 0).OrderBy(c => c.RequestedAt)
            .Select(c => new QuarantinedRecord(c.Id, "status-change", c.IssuerCode, null, c.FailedAttempts, c.RefusalReason)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new QuarantineView(certificates, batches, changes));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RetryCertificateAsync(Guid id, CertificateStore store, PipelineSignals signals, CancellationToken cancellationToken)
    {
        var retried = await store.Certificates.Where(c => c.Id == id && c.Status == CertificateStatus.Failed).ExecuteUpdateAsync(
            u => u.SetProperty(c => c.Status, CertificateStatus.Pending).SetProperty(c => c.FailedAttempts, 0).SetProperty(c => c.RetryAfter, (DateTimeOffset?)null),
            cancellationToken);
        signals.Nudge(PipelineSteps.Documents);
        return retried == 1 ? TypedResults.Accepted($"/api/v1/admin/quarantine") : Problems.NotQuarantined("certificate", id);
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RetryBatchAsync(Guid id, CertificateStore store, PipelineSignals signals, CancellationToken cancellationToken)
    {
        var retried = await store.Batches.Where(b => b.Id == id && b.State == AnchorBatchState.Failed).ExecuteUpdateAsync(
            u => u.SetProperty(b => b.State, AnchorBatchState.Prepared).SetProperty(b => b.FailedAttempts, 0).SetProperty(b => b.RetryAfter, (DateTimeOffset?)null),
            cancellationToken);
        signals.Nudge(PipelineSteps.Batches);
        return retried == 1 ? TypedResults.Accepted($"/api/v1/admin/quarantine") : Problems.NotQuarantined("batch", id);
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RetryStatusChangeAsync(Guid id, CertificateStore store, PipelineSignals signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var change = await store.StatusChanges.SingleOrDefaultAsync(c => c.Id == id && c.State == StatusChangeStates.Failed && c.FailedAttempts > 0, cancellationToken);
        if (change is null)
        {
            return Problems.NotQuarantined("status change", id);
        }

        change.State = StatusChangeStates.Pending;
        change.FailedAttempts = 0;
        change.RetryAfter = null;
        change.RefusalReason = null;
        await store.SaveChangesAsync(cancellationToken);
        await CertificateTransitions.RebuildMirrorsAsync(store, [change.CertificateId], cancellationToken);
        signals.Nudge(PipelineSteps.StatusChanges);
        return TypedResults.Accepted($"/api/v1/admin/quarantine");
    }
}

public sealed record QuarantinedRecord(Guid Id, string Kind, string IssuerCode, string? Identifier, int FailedAttempts, string? Reason);

public sealed record QuarantineView(IReadOnlyList<QuarantinedRecord> Certificates, IReadOnlyList<QuarantinedRecord> Batches, IReadOnlyList<QuarantinedRecord> StatusChanges);
