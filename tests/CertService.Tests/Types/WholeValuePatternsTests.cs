using System.Text.Json;
using System.Text.RegularExpressions;
using TrustLedger.CertService.Types;

namespace TrustLedger.Tests.CertService.Types;

/// <summary>A type schema's pattern matches the whole value: .NET's "$" before a final newline is closed off.</summary>
public class WholeValuePatternsTests
{
    [Theory]
    [InlineData("^[0-9A-Z]{6,32}$", "91610000MA6TGX", true)]
    [InlineData("^[0-9A-Z]{6,32}$", "91610000MA6TGX\n", false)]
    [InlineData("^(a$|b)$", "a\n", false)]
    [InlineData("^[$]+$", "$$", true)]
    [InlineData("^[$]+$", "$$\n", false)]
    [InlineData(@"^\$[0-9]+$", "$12", true)]
    [InlineData(@"^\$[0-9]+$", "$12\n", false)]
    [InlineData("^x\n$", "x\n", true)]
    public void A_strict_pattern_matches_only_whole_values(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, Regex.IsMatch(value, WholeValuePatterns.Strict(pattern)));
    }

    [Fact]
    public void Every_pattern_keyword_of_a_schema_is_rewritten_and_data_is_left_alone()
    {
        using var schema = JsonDocument.Parse("""
            {"properties":{"a":{"pattern":"^a$"},"pattern":{"const":{"pattern":"^c$"}}},
             "patternProperties":{"^x$":{"items":[{"pattern":"^i$"}]}}}
            """);

        var anchored = WholeValuePatterns.Anchor(schema.RootElement).GetRawText();

        Assert.Contains("\"pattern\":\"^a(?!\\\\n)$\"", anchored, StringComparison.Ordinal);
        Assert.Contains("\"^x(?!\\\\n)$\"", anchored, StringComparison.Ordinal);
        Assert.Contains("\"pattern\":\"^i(?!\\\\n)$\"", anchored, StringComparison.Ordinal);
        Assert.Contains("\"pattern\":\"^c$\"", anchored, StringComparison.Ordinal);
    }
}
