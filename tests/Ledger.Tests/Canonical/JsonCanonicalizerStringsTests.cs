using System.Text.Json;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.Tests.Ledger.Canonical;

public class JsonCanonicalizerStringsTests
{
    [Fact]
    public void A_flat_string_object_canonicalises_exactly_as_the_general_path_does()
    {
        KeyValuePair<string, string?>[] members =
        [
            new("名称", "西安示例科技有限公司"), new("b", "line\nbreak \"quoted\" \\ \u0001"), new("a", null), new("€", "😀"), new("A", "</script>"),
        ];
        var json = JsonSerializer.Serialize(members.ToDictionary(m => m.Key, m => m.Value));

        Assert.Equal(JsonCanonicalizer.Canonicalize(json), JsonCanonicalizer.CanonicalizeStrings(members));
    }
}
