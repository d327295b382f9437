namespace TrustLedger.Verifier.Citizen;

/// <summary>
/// How personal data appears on public pages: a name keeps its first and last character (张*明,
/// 张*), a code its first four and last four (6101**********123X). Enough to recognise one's own
/// certificate, not enough to learn someone else's identity.
/// </summary>
public static class Masking
{
    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var runes = name.EnumerateRunes().Select(r => r.ToString()).ToList();
        return runes.Count switch
        {
            1 => "*",
            2 => runes[0] + "*",
            _ => runes[0] + new string('*', runes.Count - 2) + runes[^1],
        };
    }

    public static string Code(string? code) =>
        string.IsNullOrEmpty(code) ? "" : code.Length <= 8 ? new string('*', code.Length) : code[..4] + new string('*', code.Length - 8) + code[^4..];
}
