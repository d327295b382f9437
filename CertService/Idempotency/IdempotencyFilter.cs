using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on issuing calls. The handler's writes and the stored first answer
/// commit in one database transaction, so a retry (even one racing the first request on another
/// instance) replays the first answer and never creates a second certificate. Only a success is
/// stored: an answer of 4xx or 5xx rolls the handler's writes back. A retry with the same key but
/// a different request is refused.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString();
        if (key.Length is 0 or > 200)
        {
            return Problems.InvalidIdempotencyKey();
        }

        var department = http.User.IssuerCode();
        var store = http.RequestServices.GetRequiredService<CertificateStore>();
        var requestHash = await HashRequestAsync(http.Request);
        var first = await FindAsync(store, department, key, http.RequestAborted);
        if (first is not null)
        {
            return Replay(http, first, requestHash);
        }

        await using var transaction = await store.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await next(context);
        var (status, body, location) = Describe(http, result);
        if (status is < 200 or >= 300)
        {
            // Only success is remembered. A refusal (4xx) or failure (5xx) rolls back everything
            // the handler wrote, so it leaves nothing behind, and a retry with the key runs again.
            return result;
        }

        store.IdempotencyRecords.Add(new IdempotencyRecord
        {
            DepartmentCode = department,
            Key = key,
            RequestHash = requestHash,
            StatusCode = status,
            ResponseBody = body,
            Location = location,
            CreatedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        try
        {
            await store.SaveChangesAsync(http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            return result;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // A concurrent request with the same key committed first: undo ours and answer as it did.
            await transaction.RollbackAsync(http.RequestAborted);
            store.ChangeTracker.Clear();
            var winner = await FindAsync(store, department, key, http.RequestAborted)
                ?? throw new InvalidOperationException("idempotency record vanished after a conflict");
            return Replay(http, winner, requestHash);
        }
    }

    private static Task<IdempotencyRecord?> FindAsync(CertificateStore store, string department, string key, CancellationToken cancellationToken) =>
        store.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.DepartmentCode == department && r.Key == key, cancellationToken);

    private static IResult Replay(HttpContext http, IdempotencyRecord first, string requestHash)
    {
        if (first.RequestHash != requestHash)
        {
            return Problems.IdempotencyKeyReused(first.Key);
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.Location is not null)
        {
            http.Response.Headers.Location = first.Location;
        }

        return Results.Text(first.ResponseBody, first.StatusCode >= 400 ? "application/problem+json" : "application/json", Encoding.UTF8, first.StatusCode);
    }

    // The body was buffered by the idempotency middleware before binding, so it can be read again here.
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        request.Body.Position = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static (int Status, string Body, string? Location) Describe(HttpContext http, object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var value = (result as IValueHttpResult)?.Value;
        var body = value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), options);
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        return (status, body, location);
    }
}
