using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Idempotency;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Lifecycle;

/// <summary>
/// The issuing department suspends, reinstates or revokes its certificates. A change is accepted
/// here (202), mirrored at once, and recorded in CertificateStatusRegistry by the next anchoring
/// round, many changes per transaction; the history shows when it was anchored and where.
/// </summary>
public static class LifecycleApi
{
    /// <summary>How far back an effective time may be stated: the chain allows an hour, this leaves the batching delay.</summary>
    public static readonly TimeSpan MaxBackdate = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/certificates").RequireAuthorization(AccessClaims.IssuerPolicy).WithTags("Certificate lifecycle");
        api.MapPost("/{id:guid}/revoke", (Guid id, StatusChangeRequest request, ClaimsPrincipal user, CertificateStore store, DepartmentActivity activity, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, CertificateLifecycle.Revoked, request, user, store, activity, time, ct)).WithName("RevokeCertificate").WithIdempotency();
        api.MapPost("/{id:guid}/suspend", (Guid id, StatusChangeRequest request, ClaimsPrincipal user, CertificateStore store, DepartmentActivity activity, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, CertificateLifecycle.Suspended, request, user, store, activity, time, ct)).WithName("SuspendCertificate").WithIdempotency();
        api.MapPost("/{id:guid}/reinstate", (Guid id, StatusChangeRequest request, ClaimsPrincipal user, CertificateStore store, DepartmentActivity activity, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(id, CertificateLifecycle.Active, request, user, store, activity, time, ct)).WithName("ReinstateCertificate").WithIdempotency();
        api.MapGet("/{id:guid}/history", (Guid id, ClaimsPrincipal user, CertificateStore store, CancellationToken ct) =>
            HistoryAsync(id, user.IssuerCode(), store, ct)).WithName("GetCertificateHistory");
        app.MapGet("/api/v1/admin/certificates/{id:guid}/history", (Guid id, CertificateStore store, CancellationToken ct) => HistoryAsync(id, null, store, ct))
            .RequireAuthorization(AccessClaims.AuditReadPolicy).WithTags("Administration").WithName("AuditCertificateHistory");
        return app;
    }

    public static async Task<Results<Accepted<StatusChangeView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, CertificateLifecycle to, StatusChangeRequest request, ClaimsPrincipal user, CertificateStore store, DepartmentActivity activity, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(activity);
        var issuer = user.IssuerCode();
        // A department governance suspended or dissolved on chain changes nothing any more (its key
        // may be the reason); what it asked for before is still recorded, by the registrar if need be.
        if (await DepartmentDirectory.FindAsync(store, issuer, cancellationToken) is { } department && !await activity.MayActAsync(department.Account))
        {
            return Problems.DepartmentInactive(issuer);
        }

        // Two changes of one certificate at once take turns: the second is checked against the first.
        await using var own = store.Database.CurrentTransaction is null ? await store.Database.BeginTransactionAsync(cancellationToken) : null;
        var certificate = await store.LockCertificateAsync(id, issuer, cancellationToken);
        if (certificate is null)
        {
            return Problems.CertificateNotFound(id);
        }

        var now = time.GetUtcNow();
        var effectiveAt = request.EffectiveAt ?? now;
        var errors = new Dictionary<string, string[]>();
        if (request.Reason is not (>= 1 and <= 999))
        {
            errors["reason"] = ["须提供原因代码 reason（1 至 999：1 数据错误，2 持证人申请，3 依法注销，4 调查中，5 已换发）。reason is required: a code from 1 to 999 (1 data error, 2 holder request, 3 cancelled by law, 4 under investigation, 5 replaced)."];
        }

        if (effectiveAt < now - MaxBackdate || effectiveAt > now.AddYears(1))
        {
            errors["effectiveAt"] = [EffectiveAtRule];
        }

        if (errors.Count > 0)
        {
            return InvalidChange(errors);
        }

        if (certificate.Status != CertificateStatus.Anchored)
        {
            return Problems.NotAnchoredYet(id);
        }

        var outcome = await CertificateTransitions.RequestAsync(store, certificate, to, request.Reason!.Value, effectiveAt, user.ActorName(), now, cancellationToken);
        if (outcome.NotBefore is not null)
        {
            return InvalidChange(new Dictionary<string, string[]> { ["effectiveAt"] = [EffectiveAtRule] });
        }

        if (outcome.From is { } from)
        {
            return Problems.InvalidTransition(id, CertificateTransitions.Name(from), CertificateTransitions.EventName(to));
        }

        await store.SaveChangesAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return TypedResults.Accepted($"/api/v1/certificates/{id}/history", View(outcome.Change!));
    }

    private const string EffectiveAtRule = "effectiveAt 最多早于现在 5 分钟、晚于现在一年，且不得早于已生效的变更。effectiveAt may lie at most 5 minutes in the past and a year ahead, and not before a change already in effect.";

    private static ValidationProblem InvalidChange(Dictionary<string, string[]> errors) =>
        ProblemCatalog.InvalidStatusChange.Validation(errors);

    public static async Task<Results<Ok<CertificateHistoryView>, ProblemHttpResult>> HistoryAsync(Guid id, string? issuer, CertificateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var certificate = await store.Certificates.Include(c => c.Batch).AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id && (issuer == null || c.IssuerCode == issuer), cancellationToken);
        if (certificate is null)
        {
            return Problems.CertificateNotFound(id);
        }

        var events = new List<HistoryEvent> { new("issued", certificate.AcceptedAt, null, "stored", null, null) };
        if (certificate.Batch is { State: AnchorBatchState.Anchored } batch)
        {
            events.Add(new HistoryEvent("anchored", batch.AnchoredAt!.Value, null, StatusChangeStates.Anchored, batch.TransactionHash, batch.BlockNumber));
        }

        var changes = await store.StatusChanges.AsNoTracking().Where(c => c.CertificateId == id).OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        events.AddRange(changes.Select(c => new HistoryEvent(
            CertificateTransitions.EventName(c.Status), c.EffectiveAt, c.Reason, c.State, c.TransactionHash, c.BlockNumber, c.Id, c.RecordedEffectiveAt, c.RefusalReason ?? c.LastFailure)));
        return TypedResults.Ok(new CertificateHistoryView(certificate.Id, certificate.Identifier, certificate.IssuerCode, CertificateTransitions.Name(certificate.Lifecycle), events));
    }

    internal static StatusChangeView View(StatusChangeRecord c) =>
        new(c.Id, c.CertificateId, CertificateTransitions.Name(c.Status), c.Reason, c.EffectiveAt, c.State, c.TransactionHash, c.BlockNumber, c.RecordedEffectiveAt, c.RefusalReason ?? c.LastFailure);
}
