using System.Text.Json;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.Tests.Testing;

/// <summary>What every problem either service answers must be: a kind from the one catalogue, with its status, type and title, and any detail in Chinese and English.</summary>
public static class ProblemShape
{
    /// <summary>Why the problem breaks the catalogue's promise, or null when it keeps it.</summary>
    public static string? Broken(JsonElement problem, int status)
    {
        if (!problem.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String)
        {
            return "no code";
        }

        if (!ProblemCatalog.All.TryGetValue(code.GetString()!, out var kind))
        {
            return $"code {code.GetString()} is not in the catalogue";
        }

        // Only a status the catalogue has no kind for may be answered with another status's kind.
        if (kind.Status != status && ProblemCatalog.ForStatus(status).Status == status)
        {
            return $"{kind.Code} is a {kind.Status}, answered {status}";
        }

        if (problem.GetProperty("type").GetString() != kind.Type || problem.GetProperty("title").GetString() != kind.Title)
        {
            return $"{kind.Code}: type or title not the catalogue's";
        }

        return problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && !IsBilingual(detail.GetString()!)
            ? $"{kind.Code}: the detail is not in Chinese and English: {detail.GetString()}"
            : null;
    }

    /// <summary>Holds Chinese (a CJK ideograph) and English (a Latin word).</summary>
    public static bool IsBilingual(string text) =>
        text.Any(c => c is >= '\u4e00' and <= '\u9fff') && System.Text.RegularExpressions.Regex.IsMatch(text, "[A-Za-z]{2,}");
}
