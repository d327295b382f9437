using System.Globalization;

namespace TrustLedger.Ledger.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit division code, 8-digit birth date, 3-digit sequence and an
/// ISO 7064 MOD 11-2 check character (10 written X). Personal information: never on chain, never
/// unmasked on a public page.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static bool HasValidCheckDigit(string? number)
    {
        if (number is not { Length: 18 } || !number.AsSpan(0, 17).ContainsOnlyDigits())
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (number[i] - '0') * Weights[i];
        }

        var value = (12 - (sum % 11)) % 11;
        var expected = value == 10 ? 'X' : (char)('0' + value);
        return char.ToUpperInvariant(number[17]) == expected;
    }

    /// <summary>The birth date the number encodes, when it is a real calendar date not after <paramref name="today"/>.</summary>
    public static bool TryBirthDate(string? number, DateOnly today, out DateOnly birthDate)
    {
        birthDate = default;
        return number is { Length: 18 }
            && DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            && birthDate.Year >= 1880
            && birthDate <= today;
    }
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
