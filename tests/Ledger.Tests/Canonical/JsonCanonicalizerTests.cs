using System.Buffers.Binary;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.Tests.Ledger.Canonical;

public class JsonCanonicalizerTests
{
    [Fact]
    public void The_RFC_8785_section_3_2_2_example_canonicalises_exactly()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

        Assert.Equal(expected, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(input)));
    }

    [Fact]
    public void Members_sort_by_UTF16_code_units_as_in_RFC_8785_section_3_2_3()
    {
        const string input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";

        var canonical = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(input));

        var values = System.Text.Json.JsonDocument.Parse(canonical).RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();
        Assert.Equal<string[]>(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            values);
    }

    // RFC 8785 appendix B: IEEE 754 bit patterns and their required serialisation.
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Numbers_serialise_as_ECMAScript_does(string ieeeHex, string expected)
    {
        var bits = BinaryPrimitives.ReadInt64BigEndian(Convert.FromHexString(ieeeHex));
        Assert.Equal(expected, JsonCanonicalizer.FormatNumber(BitConverter.Int64BitsToDouble(bits)));
    }

    [Fact]
    public void Duplicate_member_names_are_refused()
    {
        Assert.ThrowsAny<Exception>(() => JsonCanonicalizer.Canonicalize("{\"a\":1,\"a\":2}"));
    }

    [Fact]
    public void White_space_and_member_order_do_not_change_the_canonical_form()
    {
        var a = JsonCanonicalizer.Canonicalize("{ \"holder\": {\"name\":\"张三\", \"code\": \"11010519491231002X\"}, \"n\": 10.0 }");
        var b = JsonCanonicalizer.Canonicalize("{\"n\":1e1,\"holder\":{\"code\":\"11010519491231002X\",\"name\":\"张三\"}}");
        Assert.Equal(a, b);
    }

    [Property(MaxTest = 300)]
    public Property Canonical_form_is_a_fixed_point_and_round_trips_numbers(double value) =>
        Prop.When(double.IsFinite(value), () =>
        {
            var text = JsonCanonicalizer.FormatNumber(value);
            var once = JsonCanonicalizer.Canonicalize($"{{\"v\":[{text}]}}");
            var twice = JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetString(once));
            return once.AsSpan().SequenceEqual(twice) && double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) == value;
        });
}
