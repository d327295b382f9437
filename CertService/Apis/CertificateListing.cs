using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Apis;

/// <summary>Listing a department's certificates (mapped by <see cref="CertificatesApi"/>).</summary>
public static class CertificateListing
{
    /// <summary>
    /// Lists the department's certificates, newest first, filtered by holder code, type, issue time
    /// and status. The holder code is matched through its keyed hash; it is never stored readable.
    /// </summary>
    public static async Task<Results<Ok<CertificatePage>, ValidationProblem>> ListCertificates(
        [AsParameters] CertificateQuery query, ClaimsPrincipal user, HttpRequest http, CertificateStore store, HolderLookup holders, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var page = query.Page ?? 1;
        var size = query.PageSize ?? 50;
        // (page - 1) * size must not overflow: a page past any result is an error, never the first page again.
        if (page < 1 || size is < 1 or > 500 || page > (int.MaxValue / size))
        {
            errors.Add(new FieldError("pageSize", ErrorCodes.PageOutOfRange));
        }

        CertificateStatus? status = query.Status switch
        {
            null => null,
            "pending" => CertificateStatus.Pending,
            "anchored" => CertificateStatus.Anchored,
            "refused" => CertificateStatus.Refused,
            "failed" => CertificateStatus.Failed,
            _ => (CertificateStatus)(-1),
        };
        if (status == (CertificateStatus)(-1))
        {
            errors.Add(new FieldError("status", ErrorCodes.StatusUnknown, query.Status));
        }

        var issuer = user.IssuerCode();
        if (query.Issuer is { } asked && asked != issuer)
        {
            errors.Add(new FieldError("issuer", ErrorCodes.IssuerNotYours));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, ResponseLanguage.Of(http), ProblemCatalog.InvalidQuery);
        }

        var certificates = store.Certificates.AsNoTracking().Where(c => c.IssuerCode == issuer);
        if (query.HolderCode is { Length: > 0 } holderCode)
        {
            var hash = holders.Hash(holderCode);
            certificates = certificates.Where(c => c.HolderCodeHash == hash);
        }

        if (query.TypeCode is { Length: > 0 } typeCode)
        {
            certificates = certificates.Where(c => c.TypeCode == typeCode);
        }

        if (query.From is { } from)
        {
            certificates = certificates.Where(c => c.AcceptedAt >= from);
        }

        if (query.To is { } to)
        {
            certificates = certificates.Where(c => c.AcceptedAt < to);
        }

        if (status is { } wanted)
        {
            certificates = certificates.Where(c => c.Status == wanted);
        }

        var total = await certificates.CountAsync(cancellationToken);
        var items = await certificates.OrderByDescending(c => c.AcceptedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.Identifier, c.TypeCode, c.IssuerCode, c.Status, c.AcceptedAt, c.ValidFrom, c.ValidUntil })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new CertificatePage(page, size, total,
            items.Select(c => new CertificateSummary(c.Id, c.Identifier, c.TypeCode, c.IssuerCode, c.Status.WireName(), c.AcceptedAt, c.ValidFrom, c.ValidUntil)).ToList()));
    }
}
