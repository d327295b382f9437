using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrustLedger.Ledger.Canonical;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): the one place TrustLedger turns JSON into the
/// exact bytes that are hashed. Object members are sorted by their UTF-16 code units, strings use
/// the minimal ECMAScript escaping, and numbers are written as ECMAScript's Number.prototype.toString
/// writes an IEEE 754 double. No insignificant white space is emitted. JSON without a canonical
/// form (a duplicate member, a number no double holds, a lone surrogate) is refused with a
/// <see cref="CanonicalJsonException"/> that names its path.
/// </summary>
public static class JsonCanonicalizer
{
    public static byte[] Canonicalize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(element, builder, "$");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Parses <paramref name="json"/> and canonicalises it; duplicate member names are rejected (by the walk, which knows their path).</summary>
    public static byte[] Canonicalize(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new CanonicalJsonException(ex.Message, ex.Path ?? "$");
        }

        using (document)
        {
            return Canonicalize(document.RootElement);
        }
    }

    public static string CanonicalString(JsonElement element) => Encoding.UTF8.GetString(Canonicalize(element));

    /// <summary>
    /// The canonical form of an object whose members are all strings (or null), e.g. one CSV row by
    /// its header, without building a JSON document first: members sorted by UTF-16 code units,
    /// strings escaped as RFC 8785 says. Gives the same bytes as <see cref="Canonicalize(string)"/>.
    /// </summary>
    public static byte[] CanonicalizeStrings(IReadOnlyList<KeyValuePair<string, string?>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var sorted = members.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var output = new StringBuilder();
        output.Append('{');
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            WriteString(sorted[i].Key, output, "$." + sorted[i].Key);
            output.Append(':');
            if (sorted[i].Value is { } value)
            {
                WriteString(value, output, "$." + sorted[i].Key);
            }
            else
            {
                output.Append("null");
            }
        }

        output.Append('}');
        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private static void Write(JsonElement element, StringBuilder output, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output, path);
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        output.Append(',');
                    }

                    Write(item, output, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]");
                    index++;
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(ReadString(element, path), output, path);
                break;
            case JsonValueKind.Number:
                var number = element.GetDouble();
                if (!double.IsFinite(number))
                {
                    throw new CanonicalJsonException($"the number at {path} is outside what an IEEE 754 double can hold", path);
                }

                output.Append(FormatNumber(number));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new ArgumentException($"cannot canonicalise a JSON {element.ValueKind}", nameof(element));
        }
    }

    private static void WriteObject(JsonElement element, StringBuilder output, string path)
    {
        var members = new List<(string Name, JsonElement Value)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var name = ReadName(member, path);
            if (!names.Add(name))
            {
                throw new CanonicalJsonException($"the member \"{name}\" appears twice at {path}", $"{path}.{name}");
            }

            members.Add((name, member.Value));
        }

        // string.CompareOrdinal compares UTF-16 code units, which is the order RFC 8785 section 3.2.3 asks for.
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }

            var memberPath = $"{path}.{members[i].Name}";
            WriteString(members[i].Name, output, memberPath);
            output.Append(':');
            Write(members[i].Value, output, memberPath);
        }

        output.Append('}');
    }

    // A JSON string that is not valid UTF-16 (a lone surrogate escape) cannot be read as text at all.
    private static string ReadString(JsonElement element, string path)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new CanonicalJsonException($"the string at {path} is not valid Unicode (invalid UTF-8 or a lone surrogate)", path);
        }
    }

    private static string ReadName(JsonProperty member, string path)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException)
        {
            throw new CanonicalJsonException($"a member name at {path} is not valid Unicode (invalid UTF-8 or a lone surrogate)", path);
        }
    }

    private static void WriteString(string value, StringBuilder output, string path)
    {
        output.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                throw new CanonicalJsonException($"the string at {path} is not valid Unicode (a lone surrogate)", path);
            }

            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            output.Append(value[++i]);
                        }
                    }

                    break;
            }
        }

        output.Append('"');
    }

    /// <summary>ECMAScript Number.prototype.toString for finite doubles (ECMA-262 section 6.1.6.1.20).</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException("NaN and Infinity have no JSON form", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        // "R" yields the shortest digit string that round-trips, as ECMAScript requires.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var k = digits.Length;
        var n = exponent + 1; // position of the decimal point relative to the digit string
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            var e = n - 1;
            builder.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    // Splits the shortest round-trip form ("123.45", "1.2345E+21", "1E-07") into significant digits and a base-10 exponent.
    private static (string Digits, int Exponent) Decompose(string shortest)
    {
        var mantissa = shortest;
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? mantissa[..point] : mantissa;
        var fractionPart = point >= 0 ? mantissa[(point + 1)..] : string.Empty;
        var all = integerPart + fractionPart;
        // Exponent of the first digit of `all` before stripping leading zeros.
        var firstDigitExponent = exponent + integerPart.Length - 1;
        var leadingZeros = 0;
        while (leadingZeros < all.Length - 1 && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var digits = all[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return (digits, firstDigitExponent - leadingZeros);
    }
}
