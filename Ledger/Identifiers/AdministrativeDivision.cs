namespace TrustLedger.Ledger.Identifiers;

/// <summary>
/// 行政区划代码 (GB/T 2260): six digits, province (2) + prefecture (2) + county (2). Checked against
/// the province-level prefixes and, for Xi'an (6101), the city's district and county codes; other
/// codes must have a known province prefix.
/// </summary>
public static class AdministrativeDivision
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    /// <summary>Xi'an (610100) and its districts and counties.</summary>
    private static readonly HashSet<string> XiAn =
    [
        "610100", "610102", "610103", "610104", "610111", "610112", "610113", "610114", "610115",
        "610116", "610117", "610118", "610122", "610124",
    ];

    public static bool IsValid(string? code)
    {
        if (code is not { Length: 6 } || !code.AsSpan().ContainsOnlyDigits() || !Provinces.Contains(code[..2]))
        {
            return false;
        }

        return !code.StartsWith("6101", StringComparison.Ordinal) || XiAn.Contains(code);
    }
}
