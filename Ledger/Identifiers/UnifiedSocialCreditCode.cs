namespace TrustLedger.Ledger.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters over 0-9 and A-Z without I, O, S, V, Z; the 18th
/// is a check character, 31 - (Σ value × weight mod 31), with 31 written as 0.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) =>
        code is { Length: 18 } && TryCheckCharacter(code.AsSpan(0, 17), out var check) && code[17] == check;

    /// <summary>The check character for the first 17 characters, or false when one is outside the alphabet.</summary>
    public static bool TryCheckCharacter(ReadOnlySpan<char> first17, out char check)
    {
        check = '\0';
        if (first17.Length != 17)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        var c = 31 - (sum % 31);
        check = Alphabet[c == 31 ? 0 : c];
        return true;
    }
}
