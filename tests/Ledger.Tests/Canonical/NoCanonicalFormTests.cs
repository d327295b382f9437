using System.Text;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.Tests.Ledger.Canonical;

/// <summary>JSON without one canonical form is refused with the path of the offending value, never hashed.</summary>
public class NoCanonicalFormTests
{
    [Theory]
    [InlineData("""{"a":{"b":1,"b":2}}""", "$.a.b")]
    [InlineData("""{"a":[1,{"n":1e400}]}""", "$.a[1].n")]
    [InlineData("""{"a":-1e400}""", "$.a")]
    [InlineData("""{"s":"x\ud800y"}""", "$.s")]
    [InlineData("""{"s":["ok","\udfff"]}""", "$.s[1]")]
    [InlineData("""{"\ud800":1}""", "$")]
    public void Is_refused_with_its_path(string json, string path)
    {
        var refused = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));

        Assert.Equal(path, refused.Path);
    }

    [Fact]
    public void A_400_digit_integer_is_refused()
    {
        var refused = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("{\"n\":" + new string('9', 400) + "}"));

        Assert.Equal("$.n", refused.Path);
    }

    [Fact]
    public void A_surrogate_pair_is_not_a_lone_surrogate()
    {
        Assert.Equal("{\"s\":\"😀\"}", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize("""{"s":"\ud83d\ude00"}""")));
    }

    [Fact]
    public void Text_that_is_not_JSON_is_a_canonical_json_refusal_too()
    {
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("{\"a\":"));
    }

    // Built in code: a lone surrogate cannot survive as an attribute argument (the compiler writes U+FFFD).
    [Fact]
    public void UnicodeText_knows_a_lone_surrogate()
    {
        Assert.True(UnicodeText.IsWellFormed("abc"));
        Assert.True(UnicodeText.IsWellFormed(""));
        Assert.True(UnicodeText.IsWellFormed("\ud83d\ude00"));
        Assert.False(UnicodeText.IsWellFormed("a" + (char)0xD800));
        Assert.False(UnicodeText.IsWellFormed((char)0xDC00 + "b"));
        Assert.False(UnicodeText.IsWellFormed("x" + (char)0xD83D + (char)0xD83D + (char)0xDE00));
    }
}
