using Microsoft.Net.Http.Headers;

namespace TrustLedger.CertService.Issuance;

/// <summary>Chooses Chinese (default) or English for messages from the request's Accept-Language.</summary>
public static class ResponseLanguage
{
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preferences = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "");
        foreach (var language in preferences)
        {
            if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return "zh";
            }

            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return "en";
            }
        }

        return "zh";
    }
}
