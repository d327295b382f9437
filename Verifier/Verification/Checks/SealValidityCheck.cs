using System.Globalization;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the seal could lawfully be used when the document (or a data-only certificate's data) was sealed: the signing time lies
/// in the seal's registered validity window and is not after the anchoring block (allowing for
/// clock skew), and the seal was active at the anchoring block. Revocation is final on chain, so
/// "active when anchored" means it was not revoked before the sealing either; a later suspension
/// or revocation does not invalidate documents sealed and anchored before it.
/// </summary>
public sealed class SealValidityCheck(ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "seal-validity";

    /// <summary>How far the sealing server's clock may run ahead of the block timestamps.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [SealRegistrationCheck.CheckName];

    public bool AppliesTo(BundleEvidence evidence) => evidence?.HasSealToCheck == true;

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var sealCode = evidence.SealCode!;
        var sealedAt = evidence.Seal!.SigningTime;
        var anchor = evidence.Anchor!;
        var anchoredAt = DateTimeOffset.FromUnixTimeSeconds((long)anchor.Timestamp);
        if (sealedAt > anchoredAt + ClockSkew)
        {
            return CheckResult.Fail(Name, $"the signature claims {Format(sealedAt)}, after the certificate was anchored at {Format(anchoredAt)}");
        }

        var seal = (await chain.SealAsync(sealCode))!;
        var from = DateTimeOffset.FromUnixTimeSeconds((long)seal.ValidFrom);
        var until = DateTimeOffset.FromUnixTimeSeconds((long)seal.ValidUntil);
        if (sealedAt < from || sealedAt > until)
        {
            return CheckResult.Fail(Name, $"sealed at {Format(sealedAt)}, outside seal {sealCode}'s validity window {Format(from)} – {Format(until)}");
        }

        var status = await chain.SealStatusAtAsync(sealCode, anchor.BlockNumber);
        return status == SealStatus.Active
            ? CheckResult.Pass(Name, $"seal {sealCode} was active at block {anchor.BlockNumber} and {Format(sealedAt)} lies in its window {Format(from)} – {Format(until)}")
            : CheckResult.Fail(Name, $"seal {sealCode} was {status.ToString().ToLowerInvariant()} at block {anchor.BlockNumber}, when the document was anchored");
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
