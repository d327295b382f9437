using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the uploaded file is, byte for byte, the document the anchored certificate binds:
/// its hash equals <c>certificate.document.hash</c>, which the (verified) leaf covers.
/// </summary>
public sealed class DocumentHashCheck : IDocumentCheck
{
    public const string CheckName = "document-hash";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [IntegrityCheck.CheckName];

    public Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.DocumentBinding is not { } binding
            || !binding.TryGetProperty("hash", out var expected) || expected.ValueKind != System.Text.Json.JsonValueKind.String
            || !binding.TryGetProperty("hashAlgorithm", out var algorithm) || !HashFunctions.TryByName(algorithm.GetString(), out var hash))
        {
            return Task.FromResult(CheckResult.Fail(Name, "the certificate binds no document: it was issued as data only (its seal signs the data), or before documents were sealed"));
        }

        var actual = Convert.ToHexStringLower(hash.Hash(evidence.Document!));
        return Task.FromResult(string.Equals(actual, expected.GetString(), StringComparison.OrdinalIgnoreCase)
            ? CheckResult.Pass(Name, $"the file's {hash.Name} {actual} is the document the anchored certificate binds")
            : CheckResult.Fail(Name, $"the file's {hash.Name} {actual} differs from the anchored document hash {expected.GetString()}: this is not the issued document, or it was changed"));
    }
}
