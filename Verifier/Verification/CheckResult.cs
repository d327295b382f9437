using System.Text.Json.Serialization;

namespace TrustLedger.Verifier.Verification;

/// <summary>One line of a verification report.</summary>
public sealed record CheckResult(string Name, [property: JsonIgnore] CheckStatus Status, string Detail)
{
    public bool Passed => Status == CheckStatus.Passed;

    [JsonPropertyName("status")]
    public string StatusName => Status.ToString().ToLowerInvariant();

    public static CheckResult Pass(string name, string detail) => new(name, CheckStatus.Passed, detail);

    public static CheckResult Fail(string name, string detail) => new(name, CheckStatus.Failed, detail);
}
