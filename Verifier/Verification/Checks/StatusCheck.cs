using System.Globalization;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the certificate is in force at the asked time (now by default): anchored by then,
/// not suspended, revoked or superseded in CertificateStatusRegistry (under the salted key only a
/// bundle holder can compute, in the history of the account that anchored it), and inside its
/// validity dates. Otherwise it names the status: never-issued, not-yet-valid, suspended, revoked,
/// superseded or expired, with the block and time of the fact it relied on.
/// </summary>
public sealed class StatusCheck(ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "status";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [IntegrityCheck.CheckName, AnchorCheck.CheckName, IssuerIdentityCheck.CheckName];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var identifier = evidence.CertificateString("identifier");
        if (identifier is null)
        {
            return Fail(evidence, "never-issued", "the certificate has no identifier to look its status up by");
        }

        var anchor = evidence.Anchor!;
        // Read under the account that anchored it: no other account can write (or block) that history.
        var (history, block) = await chain.StatusHistoryAsync(anchor.Issuer, CertificateStatusKey.Of(Convert.FromHexString(evidence.Bundle.Salt), identifier));

        var anchoredAt = DateTimeOffset.FromUnixTimeSeconds((long)anchor.Timestamp);
        var at = evidence.AtWasAsked || evidence.At >= anchoredAt ? evidence.At : anchoredAt;
        if (at < anchoredAt)
        {
            return Fail(evidence, "never-issued", $"at {Format(at)} it was not issued yet: anchored {Format(anchoredAt)} in block {anchor.BlockNumber}");
        }

        if (history.ChangeAt(at) is { Status: not CertificateLifecycle.Active } change)
        {
            var status = change.Status.ToString().ToLowerInvariant();
            return Fail(evidence, status, $"{status} since {Format(change.EffectiveAt)} (reason {change.Reason}), recorded in block {change.BlockNumber}{Late(change)}; history read at block {block}");
        }

        var day = DateOnly.FromDateTime(at.ToOffset(ChinaStandardTime).DateTime);
        if (DateOf(evidence, "validFrom") is { } from && day < from)
        {
            return Fail(evidence, "not-yet-valid", $"valid from {from:yyyy-MM-dd}; {day:yyyy-MM-dd} is before that");
        }

        if (DateOf(evidence, "validUntil") is { } until && day > until)
        {
            return Fail(evidence, "expired", $"valid until {until:yyyy-MM-dd}; expired by {day:yyyy-MM-dd}");
        }

        evidence.Status = "valid";
        // A change its issuer asked to take effect by then, recorded only later (an outage outlasted
        // the chain's back-dating window): the chain's answer stands, and the report says so.
        var asked = history.Changes.FirstOrDefault(c => c.Status != CertificateLifecycle.Active && c.EffectiveAt > at && c.RequestedEffectiveAt <= at);
        var note = asked is null ? "" : $"; note: a {asked.Status.ToString().ToLowerInvariant()} asked for {Format(asked.RequestedEffectiveAt)} is in effect only from {Format(asked.EffectiveAt)}{Late(asked)}";
        return CheckResult.Pass(Name, $"in force at {Format(at)}: anchored in block {anchor.BlockNumber}, {history.Changes.Count} status change(s) on record, none in effect against it (read at block {block}){note}");
    }

    // The registry records a change asked for beyond its back-dating window at its block, keeping the time asked for.
    private static string Late(LifecycleChange change) => change.EffectiveLaterThanRequested
        ? $", asked to take effect {Format(change.RequestedEffectiveAt)} but recorded later than the chain's one-hour back-dating window allows, so in effect from its block"
        : "";

    private CheckResult Fail(BundleEvidence evidence, string status, string detail)
    {
        evidence.Status = status;
        return CheckResult.Fail(Name, $"{status}: {detail}");
    }

    private static DateOnly? DateOf(BundleEvidence evidence, string property) =>
        evidence.CertificateString(property) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
