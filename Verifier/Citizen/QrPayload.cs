using System.Text.RegularExpressions;

namespace TrustLedger.Verifier.Citizen;

/// <summary>
/// What a certificate's QR code holds: <c>{verifier}/v/{id}?h={16 hex}</c>, where <c>{verifier}</c> is
/// this Verifier's public URL (scheme, host and port compared without regard to case, a path prefix
/// exactly). Anything else, a code naming another host included, is not one of this Verifier's codes.
/// </summary>
public static partial class QrPayload
{
    public static bool TryParse(string? payload, string publicUrl, out Guid id, out string check)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        id = Guid.Empty;
        check = "";
        var match = payload is null ? Match.Empty : Pattern().Match(payload.Trim());
        if (!match.Success || !Guid.TryParse(match.Groups["id"].Value, out id) || !NamesThisVerifier(match.Groups["site"].Value, publicUrl))
        {
            id = Guid.Empty;
            return false;
        }

        check = match.Groups["h"].Value.ToLowerInvariant();
        return true;
    }

    public static bool IsCheckValue(string? h) => h is not null && CheckPattern().IsMatch(h);

    private static bool NamesThisVerifier(string site, string publicUrl)
    {
        if (!Uri.TryCreate(site, UriKind.Absolute, out var named) || !Uri.TryCreate(publicUrl.TrimEnd('/'), UriKind.Absolute, out var ours))
        {
            return false;
        }

        return string.Equals(named.Scheme, ours.Scheme, StringComparison.OrdinalIgnoreCase)
            && TryIdnHost(named, out var namedHost) && TryIdnHost(ours, out var ourHost)
            && string.Equals(namedHost, ourHost, StringComparison.OrdinalIgnoreCase)
            && named.Port == ours.Port
            && string.Equals(named.AbsolutePath.TrimEnd('/'), ours.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
            && named.UserInfo.Length == 0;
    }

    /// <summary>
    /// The host in its ASCII (punycode) form; false for a host <see cref="Uri"/> parses but IDNA
    /// refuses (for example a label mixing digits with U+03C0), which names no verifier.
    /// </summary>
    private static bool TryIdnHost(Uri uri, out string host)
    {
        try
        {
            host = uri.IdnHost;
            return true;
        }
        catch (UriFormatException)
        {
            host = "";
            return false;
        }
    }

    [GeneratedRegex(@"\A(?<site>(?i:https?)://[^/\s?#]+(?:/[^\s?#]*?)?)/v/(?<id>[0-9a-fA-F-]{36})\?h=(?<h>[0-9a-fA-F]{16})\z")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\A[0-9a-fA-F]{16}\z")]
    private static partial Regex CheckPattern();
}
