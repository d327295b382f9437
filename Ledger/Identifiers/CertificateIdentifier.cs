using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustLedger.Ledger.Identifiers;

/// <summary>
/// 证照标识 (GB/T 36904-2018): <c>1.2.156.3005.2.{typeCode}.{issuerCode}.{serial}.{version}.{check}</c>,
/// the check character being ISO 7064 MOD 37,36 over typeCode + issuerCode + serial + version.
/// </summary>
public sealed partial record CertificateIdentifier(string TypeCode, string IssuerCode, string Serial, string Version)
{
    public const string RootOid = "1.2.156.3005.2";
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public char CheckCharacter => Mod3736CheckCharacter(TypeCode + IssuerCode + Serial + Version);

    public override string ToString() => $"{RootOid}.{TypeCode}.{IssuerCode}.{Serial}.{Version}.{CheckCharacter}";

    /// <summary>Builds an identifier; the version is written as three digits.</summary>
    public static CertificateIdentifier Create(string typeCode, string issuerCode, long serial, int version) =>
        new(typeCode, issuerCode, serial.ToString(CultureInfo.InvariantCulture), version.ToString("D3", CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out CertificateIdentifier? identifier)
    {
        identifier = null;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        var candidate = new CertificateIdentifier(match.Groups["type"].Value, match.Groups["issuer"].Value, match.Groups["serial"].Value, match.Groups["version"].Value);
        if (candidate.CheckCharacter != match.Groups["check"].Value[0])
        {
            return false;
        }

        identifier = candidate;
        return true;
    }

    /// <summary>ISO 7064 hybrid MOD 37,36 over 0-9A-Z: p = 36; s = (p + v) mod 36 (0 → 36); p = 2s mod 37; check = (37 - p) mod 36.</summary>
    public static char Mod3736CheckCharacter(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var p = 36;
        foreach (var c in data)
        {
            var v = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (v < 0)
            {
                throw new ArgumentException($"'{c}' is not in 0-9A-Z", nameof(data));
            }

            var s = (p + v) % 36;
            if (s == 0)
            {
                s = 36;
            }

            p = 2 * s % 37;
        }

        return Alphabet[(37 - p) % 36];
    }

    [GeneratedRegex(@"\A1\.2\.156\.3005\.2\.(?<type>[0-9A-Z]{18}[0-9]{3})\.(?<issuer>[0-9A-Z]{18})\.(?<serial>[0-9]{1,20})\.(?<version>[0-9]{3})\.(?<check>[0-9A-Z])\z")]
    private static partial Regex Pattern();
}
