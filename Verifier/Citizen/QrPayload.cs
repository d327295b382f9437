using System.Text.RegularExpressions;

namespace TrustLedger.Verifier.Citizen;

/// <summary>What a certificate's QR code holds: <c>{verifier}/v/{id}?h={16 hex}</c>. Anything else is not a TrustLedger code.</summary>
public static partial class QrPayload
{
    public static bool TryParse(string? payload, out Guid id, out string check)
    {
        id = Guid.Empty;
        check = "";
        var match = payload is null ? Match.Empty : Pattern().Match(payload.Trim());
        if (!match.Success || !Guid.TryParse(match.Groups["id"].Value, out id))
        {
            return false;
        }

        check = match.Groups["h"].Value.ToLowerInvariant();
        return true;
    }

    public static bool IsCheckValue(string? h) => h is not null && CheckPattern().IsMatch(h);

    [GeneratedRegex(@"^(?:https?://[^/\s]+)?/v/(?<id>[0-9a-fA-F-]{36})\?h=(?<h>[0-9a-fA-F]{16})$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^[0-9a-fA-F]{16}$")]
    private static partial Regex CheckPattern();
}
