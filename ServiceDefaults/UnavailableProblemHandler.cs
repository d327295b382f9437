using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TrustLedger.ServiceDefaults;

/// <summary>
/// Answers an outage of something a request depends on (the chain node, the database), wherever it
/// surfaces, with one 503 problem shape and a <c>Retry-After</c>, never a 500: the request changed
/// nothing that was not rolled back. Each outage names its exceptions and its words.
/// </summary>
public abstract class UnavailableProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before it tries again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The catalogue's kind of this outage (a 503).</summary>
    protected abstract ProblemKind Kind { get; }

    protected abstract string ChineseDetail { get; }

    protected abstract string EnglishDetail { get; }

    /// <summary>True when the exception (or one inside it) is this outage.</summary>
    protected abstract bool IsOutage(Exception exception);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsOutage(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await ProblemResponse.WriteAsync(problems, httpContext, Kind, ChineseDetail, EnglishDetail);
    }
}
